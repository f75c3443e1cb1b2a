package org.selfdata.importers;

import org.selfdata.model.SourceDescriptor;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Meter readings from Enedis Data Connect ("Metering Data"), as the API or a tool built on it saves them: a load
 * curve or daily consumption, read into {@code energy.reading} records. See {@link EnedisDataConnect}.
 */
public final class EnedisDataConnectImporter implements Importer {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern SIGNATURE = Pattern.compile("\\{\\s*\"meter_reading\"\\s*:\\s*\\{");

    @Override
    public String format() {
        return "enedis-data-connect";
    }

    @Override
    public Detection detect(Sniff sniff) {
        String head = sniff.headText();
        boolean dataConnect = SIGNATURE.matcher(head).find() && head.contains("\"usage_point_id\"");
        return dataConnect ? Detection.BY_CONTENT : Detection.NO;
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        JsonParser parser = JSON.createParser(ObjectReadContext.empty(), in);
        return Opening.closingOnFailure(parser, () -> {
            EnedisDataConnect readings = new EnedisDataConnect(parser, context.zone());
            String meter = readings.enterReadings();
            return new RecordFile(format(), SourceDescriptor.file("Enedis", "Linky meter " + MaskedIdentifier.lastDigits(meter)),
                    readings, parser);
        });
    }
}
