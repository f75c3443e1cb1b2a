package org.selfdata.importers;

import org.selfdata.model.SourceDescriptor;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Google Takeout's Location History {@code Records.json}: one {@code geo.point} per entry of {@code locations}, read
 * with Jackson's streaming parser so that a ten-year history (millions of points) never sits in memory.
 */
public final class GoogleRecordsImporter implements Importer {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern SIGNATURE = Pattern.compile(
            "\\{\\s*\"locations\"\\s*:\\s*\\[\\s*(]|\\{\\s*\"(latitudeE7|longitudeE7|timestamp|timestampMs)\")");

    @Override
    public String format() {
        return "google-records";
    }

    @Override
    public Detection detect(Sniff sniff) {
        if (SIGNATURE.matcher(sniff.headText()).lookingAt() || SIGNATURE.matcher(sniff.headText().stripLeading()).lookingAt()) {
            return Detection.BY_CONTENT;
        }
        return sniff.name().equalsIgnoreCase("Records.json") ? Detection.BY_NAME : Detection.NO;
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        JsonParser parser = JSON.createParser(ObjectReadContext.empty(), in);
        return Opening.closingOnFailure(parser, () -> {
            GoogleLocations locations = new GoogleLocations(parser);
            locations.enterArray();
            return new RecordFile(format(), SourceDescriptor.file("Google", "Location History"), locations, parser);
        });
    }
}
