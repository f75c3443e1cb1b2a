package org.selfdata.importers;

import org.selfdata.model.SourceDescriptor;

import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * The newer load curve Enedis exports, {@code debut;fin;kW} with local times and powers in kilowatts, read into
 * {@code energy.reading} records of energy in watt-hours. See {@link LinkyKilowattCurve}.
 */
public final class LinkyKilowattCurveImporter implements Importer {
    // The head is decoded as ISO-8859-1 for sniffing, so an accented "début" shows as two or three odd characters.
    private static final Pattern HEADER = Pattern.compile("(?im)^\\W*d\\S{1,3}but\\W*;\\W*fin\\W*;\\W*kw\\W*$");

    @Override
    public String format() {
        return "linky-kilowatt-curve";
    }

    @Override
    public Detection detect(Sniff sniff) {
        return HEADER.matcher(sniff.headText()).find() ? Detection.BY_CONTENT : Detection.NO;
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        NumberedLines lines = new NumberedLines(new Utf8OrCp1252Reader(in));
        return Opening.closingOnFailure(lines, () -> {
            LinkyKilowattCurve curve = new LinkyKilowattCurve(lines, new LocalTimeline(context.zone()));
            String meter = curve.readHeader();
            String label = meter.equals(LinkyKilowattCurve.UNKNOWN_METER) ? meter
                    : "Linky meter " + MaskedIdentifier.lastDigits(meter);
            return new RecordFile(format(), SourceDescriptor.file("Enedis", label), curve, lines);
        });
    }
}
