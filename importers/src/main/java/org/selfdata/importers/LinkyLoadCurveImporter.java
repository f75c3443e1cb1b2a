package org.selfdata.importers;

import org.selfdata.model.SourceDescriptor;

import java.io.InputStream;
import java.util.Locale;

/**
 * The load curve a person downloads from their Enedis account (the "classic" CSV): average power in watts per
 * interval, read into {@code energy.reading} records of energy in watt-hours. See {@link LinkyLoadCurve}.
 */
public final class LinkyLoadCurveImporter implements Importer {
    static final String PREAMBLE_START = "identifiant prm;";

    @Override
    public String format() {
        return "linky-load-curve";
    }

    @Override
    public Detection detect(Sniff sniff) {
        String head = sniff.headText().stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith(PREAMBLE_START) && head.contains("horodate;valeur")) {
            return Detection.BY_CONTENT;
        }
        String name = sniff.name().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") && (name.contains("enedis") || name.contains("linky")) ? Detection.BY_NAME : Detection.NO;
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        NumberedLines lines = new NumberedLines(new Utf8OrCp1252Reader(in));
        return Opening.closingOnFailure(lines, () -> {
            LinkyLoadCurve curve = new LinkyLoadCurve(lines);
            String meter = curve.readPreamble();
            return new RecordFile(format(), SourceDescriptor.file("Enedis", "Linky meter " + MaskedIdentifier.lastDigits(meter)),
                    curve, lines);
        });
    }
}
