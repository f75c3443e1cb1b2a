package org.selfdata.importers;

import java.io.InputStream;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The files of a Facebook or Instagram "Download your information" archive that are not conversations: posts,
 * comments, friends and follows, ad interests and activity off the platform (see {@link MetaList} and
 * {@link MetaActivities}).
 *
 * <p>Detection is by content: an object whose first property is one of the known lists of this platform (the
 * archives write one list per file, and some of the older names, {@code comments} or {@code topics}, are common
 * words that other services' files might hold further down). A bare array says less
 * (Facebook writes many arrays of {@code {timestamp, data}}, likes among them), so an array is claimed only when its
 * first element looks right and the file has one of the names such arrays have in the archive. Newer exports write
 * many files in one generic layout ({@code {"label_values": [...]}}); of those, only the categories used to reach the
 * person are read, known by the file's name, and their platform by the path (Instagram's sit under
 * {@code instagram_ads_and_businesses/}), since both platforms' files look the same.
 */
public final class MetaActivityImporter implements Importer {
    private static final Pattern FACEBOOK_ARRAYS = Pattern.compile(
            "your_posts(__check_ins__photos_and_videos)?(_\\d+)?\\.json", Pattern.CASE_INSENSITIVE);
    private static final Pattern INSTAGRAM_ARRAYS = Pattern.compile(
            "(posts|followers|post_comments)(_\\d+)?\\.json|reels_comments\\.json|ads_interests\\.json",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern LABELLED_FILES = Pattern.compile("other_categories_used_to_reach_you\\.json",
            Pattern.CASE_INSENSITIVE);

    private final MetaPlatform platform;

    private MetaActivityImporter(MetaPlatform platform) {
        this.platform = requireNonNull(platform, "platform is null");
    }

    public static MetaActivityImporter facebook() {
        return new MetaActivityImporter(MetaPlatform.FACEBOOK);
    }

    public static MetaActivityImporter instagram() {
        return new MetaActivityImporter(MetaPlatform.INSTAGRAM);
    }

    @Override
    public String format() {
        return platform.formatPrefix() + "-activity";
    }

    @Override
    public Detection detect(Sniff sniff) {
        JsonHead head = JsonHead.of(sniff.head());
        if (!head.array()) {
            if (head.has("label_values")) {
                return LABELLED_FILES.matcher(sniff.name()).matches() && MetaPlatform.ofPath(sniff.fileName()) == platform
                        ? Detection.BY_CONTENT : Detection.NO;
            }
            boolean known = head.keys().stream().findFirst().flatMap(key -> MetaList.of(key, platform)).isPresent();
            return known ? Detection.BY_CONTENT : Detection.NO;
        }
        return switch (platform) {
            case FACEBOOK -> FACEBOOK_ARRAYS.matcher(sniff.name()).matches() && head.has("timestamp")
                    && !head.has("media") ? Detection.BY_CONTENT : Detection.NO;
            case INSTAGRAM -> INSTAGRAM_ARRAYS.matcher(sniff.name()).matches()
                    && (head.has("media") || head.has("string_list_data") || head.has("string_map_data"))
                    ? Detection.BY_CONTENT : Detection.NO;
        };
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        return MetaNodes.open(in, format(), platform, parser -> {
            MetaActivities activities = new MetaActivities(parser, MetaNodes.TREES, platform);
            activities.enterList();
            return activities;
        });
    }
}
