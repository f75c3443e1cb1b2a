package org.selfdata.importers;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The column mappings a person saved, each for the layout of the file it was made for (its {@link CsvShape}
 * fingerprint): a file of one of those layouts, such as the next month's export of the same bank, is read with its
 * mapping without asking again.
 *
 * <p>It claims a file by content only, when the file's layout is one a mapping was saved for and that mapping reads
 * its first rows; a file of any other layout is left to the other importers.
 */
public final class SavedCsvMappings implements Importer {
    private final Map<String, CsvMapping> mappings;

    /** @param mappings the saved mappings, by the fingerprint of the layout they read */
    public SavedCsvMappings(Map<String, CsvMapping> mappings) {
        this.mappings = Map.copyOf(requireNonNull(mappings, "mappings is null"));
    }

    @Override
    public String format() {
        return "mapped-csv";
    }

    @Override
    public Detection detect(Sniff sniff) {
        return mapping(sniff.head()).map(MappedCsvImporter::new)
                .filter(importer -> importer.detect(sniff) == Detection.BY_CONTENT)
                .map(importer -> Detection.BY_CONTENT).orElse(Detection.NO);
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        requireNonNull(in, "in is null");
        BufferedInputStream buffered = new BufferedInputStream(in, Sniff.HEAD_SIZE);
        byte[] head;
        try {
            head = Sniff.peek(buffered);
        }
        catch (IOException e) {
            throw InvalidInput.unreadable("the file's first rows", e);
        }
        CsvMapping mapping = mapping(head).orElseThrow(() -> new SelfdataException(ErrorCode.UNSUPPORTED_FORMAT,
                Wording.of("error.csvMapping.noGuess")));
        return new MappedCsvImporter(mapping).open(buffered, context);
    }

    private Optional<CsvMapping> mapping(byte[] head) {
        return CsvShape.of(head).map(CsvShape::fingerprint).map(mappings::get);
    }
}
