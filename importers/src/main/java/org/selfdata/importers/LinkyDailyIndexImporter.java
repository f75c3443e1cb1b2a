package org.selfdata.importers;

import org.selfdata.model.SourceDescriptor;

import java.io.InputStream;
import java.util.Locale;

/**
 * The daily meter indexes a person downloads from their Enedis account, read into {@code energy.reading} records of
 * cumulative watt-hours per register. See {@link LinkyDailyIndex}.
 */
public final class LinkyDailyIndexImporter implements Importer {
    @Override
    public String format() {
        return "linky-daily-index";
    }

    @Override
    public Detection detect(Sniff sniff) {
        String head = sniff.headText().stripLeading().toLowerCase(Locale.ROOT);
        boolean index = head.startsWith(LinkyLoadCurveImporter.PREAMBLE_START) && head.contains("horodate;")
                && head.contains(";eas t");
        return index ? Detection.BY_CONTENT : Detection.NO;
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        NumberedLines lines = new NumberedLines(new Utf8OrCp1252Reader(in));
        return Opening.closingOnFailure(lines, () -> {
            LinkyDailyIndex index = new LinkyDailyIndex(lines, context.zone());
            String meter = index.readPreamble();
            return new RecordFile(format(), SourceDescriptor.file("Enedis", "Linky meter " + MaskedIdentifier.lastDigits(meter)),
                    index, lines);
        });
    }
}
