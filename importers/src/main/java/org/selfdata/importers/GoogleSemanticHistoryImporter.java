package org.selfdata.importers;

import org.selfdata.model.SourceDescriptor;
import tools.jackson.core.JsonParser;

import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Google Takeout's Semantic Location History, one month per file
 * ({@code Takeout/Location History/Semantic Location History/2021/2021_AUGUST.json}): the place visits and activity
 * segments of Google Maps' Timeline. See {@link GoogleSemanticObjects} for the mapping.
 *
 * <p>Detected by content, since the folder names are translated in Takeouts made in other languages; the file
 * name ({@code 2021_AUGUST.json}) is only a fallback.
 */
public final class GoogleSemanticHistoryImporter implements Importer {
    private static final Pattern SIGNATURE = Pattern.compile("\\s*\\{\\s*\"timelineObjects\"\\s*:\\s*\\[");
    private static final Pattern MONTH_FILE = Pattern.compile("\\d{4}_[A-Z]+\\.json");

    @Override
    public String format() {
        return "google-semantic-history";
    }

    @Override
    public Detection detect(Sniff sniff) {
        if (SIGNATURE.matcher(sniff.headText()).lookingAt()) {
            return Detection.BY_CONTENT;
        }
        return MONTH_FILE.matcher(sniff.name()).matches() ? Detection.BY_NAME : Detection.NO;
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        JsonParser parser = JsonElements.parser(in);
        return Opening.closingOnFailure(parser, () -> {
            GoogleSemanticObjects objects = new GoogleSemanticObjects(parser);
            objects.enterArray();
            return new RecordFile(format(), SourceDescriptor.file("Google", "Semantic Location History"), objects, parser);
        });
    }
}
