package org.selfdata.importers;

import org.selfdata.importers.CsvMapping.Field;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.texts.Wording;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Bank transactions from any CSV file, read as a {@link CsvMapping} the person wrote for it: the way in for the banks
 * and exports selfdata has no layout for.
 *
 * <p>Not one of {@link Importers#standard()}, since it needs a mapping: add it with {@link Importers#with(Importer)}.
 * It recognizes a file by content when the file has the header the mapping names (or, without a header, when the first
 * row reads as a transaction), and otherwise claims any {@code .csv} file by its name, since the person chose the
 * mapping for the file at hand.
 */
public final class MappedCsvImporter implements Importer {
    static final String DEFAULT_ORGANIZATION = "CSV file";

    private final CsvMapping mapping;

    public MappedCsvImporter(CsvMapping mapping) {
        this.mapping = requireNonNull(mapping, "mapping is null");
    }

    @Override
    public String format() {
        return "mapped-csv";
    }

    @Override
    public Detection detect(Sniff sniff) {
        try (CsvRows rows = rows(new ByteArrayInputStream(sniff.head()))) {
            rows.skipLines(mapping.skipLines());
            boolean recognized = mapping.header()
                    ? CsvHeader.search(rows, row -> MappedCsvRows.indexes(mapping, row)).isPresent()
                    : new MappedCsvRows(rows, mapping, MappedCsvRows.numbered(mapping), ZoneOffset.UTC).read().isPresent();
            if (recognized) {
                return Detection.BY_CONTENT;
            }
        }
        catch (SelfdataException | RejectedRecord e) {
            // The head may end inside a row; whatever it holds, the name may still say CSV.
        }
        return sniff.nameEndsWith(".csv") ? Detection.BY_NAME : Detection.NO;
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        requireNonNull(context, "context is null");
        CsvRows rows = rows(in);
        return Opening.closingOnFailure(rows, () -> {
            rows.skipLines(mapping.skipLines());
            Map<Field, Integer> indexes = mapping.header() ? header(rows) : MappedCsvRows.numbered(mapping);
            return new RecordFile(format(), source(), new MappedCsvRows(rows, mapping, indexes, context.zone()), rows);
        });
    }

    private Map<Field, Integer> header(CsvRows rows) {
        return CsvHeader.search(rows, row -> MappedCsvRows.indexes(mapping, row))
                .map(CsvHeader::match)
                .orElseThrow(() -> InvalidInput.at("line " + (mapping.skipLines() + 1),
                        Wording.of("error.csv.noMappedHeader", String.valueOf(CsvHeader.MAXIMUM_PREAMBLE_ROWS),
                                String.valueOf(MappedCsvRows.columnNames(mapping)))));
    }

    private SourceDescriptor source() {
        Optional<String> masked = mapping.account().filter(account -> account.chars().anyMatch(Character::isDigit))
                .map(account -> "account " + MaskedIdentifier.lastDigits(account));
        String label = mapping.sourceLabel().or(() -> masked).orElse("CSV export");
        return SourceDescriptor.file(mapping.organization().orElse(DEFAULT_ORGANIZATION), label);
    }

    private CsvRows rows(InputStream in) {
        Reader reader = mapping.encoding().<Reader>map(charset -> new InputStreamReader(in, charset))
                .orElseGet(() -> new Utf8OrCp1252Reader(in));
        return new CsvRows(reader, mapping.delimiter());
    }
}
