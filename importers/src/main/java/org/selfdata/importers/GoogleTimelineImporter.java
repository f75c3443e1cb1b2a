package org.selfdata.importers;

import org.selfdata.model.SourceDescriptor;
import tools.jackson.core.JsonParser;

import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * The Timeline that Google Maps has kept on the phone since 2024, as the phone exports it: Android's
 * {@code Timeline.json} (an object of {@code semanticSegments}, {@code rawSignals} and {@code userLocationProfile})
 * and iOS's {@code location-history.json} (an array of segments). See {@link GoogleTimelineSegments}.
 */
public final class GoogleTimelineImporter implements Importer {
    private static final Pattern ANDROID = Pattern.compile(
            "\\s*\\{\\s*\"(semanticSegments|rawSignals|userLocationProfile)\"\\s*:\\s*[\\[{]");
    private static final Pattern IOS = Pattern.compile(
            "\\s*\\[\\s*\\{\\s*\"(startTime|endTime|visit|activity|timelinePath|timelineMemory)\"\\s*:");

    @Override
    public String format() {
        return "google-timeline";
    }

    @Override
    public Detection detect(Sniff sniff) {
        String head = sniff.headText();
        // iOS's array of segments is told from other arrays of timed objects by its geo: URIs
        if (ANDROID.matcher(head).lookingAt() || IOS.matcher(head).lookingAt() && head.contains("\"geo:")) {
            return Detection.BY_CONTENT;
        }
        return sniff.name().equalsIgnoreCase("Timeline.json") || sniff.name().equalsIgnoreCase("location-history.json")
                ? Detection.BY_NAME : Detection.NO;
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        JsonParser parser = JsonElements.parser(in);
        return Opening.closingOnFailure(parser, () -> {
            GoogleTimelineSegments segments = new GoogleTimelineSegments(parser);
            segments.start();
            return new RecordFile(format(), SourceDescriptor.file("Google", "Timeline"), segments, parser);
        });
    }
}
