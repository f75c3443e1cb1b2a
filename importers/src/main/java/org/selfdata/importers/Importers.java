package org.selfdata.importers;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The importers selfdata knows, and the choice among them for a file: the one most sure of its format, content
 * beating name, the first registered winning a tie.
 */
public final class Importers {
    private final List<Importer> importers;

    public Importers(List<Importer> importers) {
        this.importers = List.copyOf(requireNonNull(importers, "importers is null"));
    }

    /** Every format selfdata reads; a new format is one more line here. */
    public static Importers standard() {
        return new Importers(List.of(
                new OfxImporter(),
                new QifImporter(),
                new CamtImporter(),
                new GoogleRecordsImporter(),
                new LinkyLoadCurveImporter(),
                new VCardImporter(),
                new ICalendarImporter(),
                new GreenButtonImporter(),
                new LinkyDailyIndexImporter(),
                new LinkyKilowattCurveImporter(),
                new EnedisDataConnectImporter(),
                new GoogleSemanticHistoryImporter(),
                new GoogleTimelineImporter(),
                new GpxImporter(),
                MetaMessagesImporter.facebook(),
                MetaMessagesImporter.instagram(),
                MetaActivityImporter.facebook(),
                MetaActivityImporter.instagram(),
                new FrenchBankCsvImporter()));
    }

    /**
     * These importers and one more, tried first: an importer that needs the person's settings, such as a
     * {@link MappedCsvImporter} with the mapping they wrote for a file, wins over the standard ones on a tie.
     */
    public Importers with(Importer extra) {
        requireNonNull(extra, "extra is null");
        List<Importer> all = new ArrayList<>(importers.size() + 1);
        all.add(extra);
        all.addAll(importers);
        return new Importers(all);
    }

    /**
     * These importers and one more, tried last: an importer that takes what no other reads, such as the
     * {@link DocumentImporter} that keeps the files of an organization's answer as documents, loses every tie.
     */
    public Importers withFallback(Importer fallback) {
        requireNonNull(fallback, "fallback is null");
        List<Importer> all = new ArrayList<>(importers);
        all.add(fallback);
        return new Importers(all);
    }

    public List<Importer> importers() {
        return importers;
    }

    /** The importer most sure that it reads the sniffed file, if any is at all. */
    public Optional<Importer> detect(Sniff sniff) {
        requireNonNull(sniff, "sniff is null");
        return importers.stream()
                .filter(importer -> importer.detect(sniff) != Detection.NO)
                .max(Comparator.comparing((Importer importer) -> importer.detect(sniff))
                        .thenComparing(importer -> -importers.indexOf(importer)));
    }

    public ParsedFile open(Path file, ImportContext context) {
        requireNonNull(file, "file is null");
        String fileName = String.valueOf(file.getFileName());
        InputStream in;
        try {
            in = Files.newInputStream(file);
        }
        catch (NoSuchFileException e) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, InvalidInput.wording(fileName,
                    Wording.of("error.file.noSuchFile")), e);
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, InvalidInput.wording(fileName,
                    Wording.of("error.file.notOpened")), e);
        }
        return Opening.closingOnFailure(in, () -> open(fileName, in, context));
    }

    /** Opens an upload: the head of the stream is read once for detection, then handed on with the rest. */
    public ParsedFile open(String fileName, InputStream in, ImportContext context) {
        return openIfRecognized(fileName, in, context).orElseThrow(() -> new SelfdataException(
                ErrorCode.UNSUPPORTED_FORMAT, notRecognized(fileName)));
    }

    /**
     * What to say of a file no importer recognizes: the formats selfdata reads and, for a CSV file, that a column
     * mapping reads a layout no importer knows (a bank's export without a header, say).
     */
    public Wording notRecognized(String fileName) {
        boolean csv = fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
        return InvalidInput.wording(fileName, Wording.of(csv ? "error.file.notRecognizedCsv" : "error.file.notRecognized",
                formats()));
    }

    /**
     * The formats selfdata reads, in words a person knows them by, for messages: an importer's id, such as
     * {@code google-records}, means nothing to them.
     */
    public static Wording formats() {
        return Wording.of("error.file.formats");
    }

    /**
     * Opens a file if some importer recognizes it, such as an entry of an archive, where what is not recognized is
     * reported by name rather than refused. The caller closes {@code in} when nothing is returned.
     */
    public Optional<ParsedFile> openIfRecognized(String fileName, InputStream in, ImportContext context) {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(in, "in is null");
        requireNonNull(context, "context is null");
        BufferedInputStream buffered = new BufferedInputStream(in, Sniff.HEAD_SIZE);
        byte[] head;
        try {
            head = Sniff.peek(buffered);
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, InvalidInput.wording(fileName,
                    Wording.of("error.file.notRead")), e);
        }
        return detect(new Sniff(fileName, head)).map(importer -> importer.open(buffered, context.withFileName(fileName)));
    }
}
