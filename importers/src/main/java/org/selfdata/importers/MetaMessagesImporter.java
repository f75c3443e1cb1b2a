package org.selfdata.importers;

import java.io.InputStream;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One conversation of a Facebook (Messenger) or Instagram "Download your information" archive:
 * {@code your_activity_across_facebook/messages/inbox/<thread>/message_1.json}, or {@code messages/inbox/…} in older
 * archives. Both platforms write the same JSON, so the platform is told by the file's path in the archive; without
 * one, a conversation is read as Messenger's.
 */
public final class MetaMessagesImporter implements Importer {
    private static final Pattern MESSAGE_FILE = Pattern.compile("message_\\d+\\.json", Pattern.CASE_INSENSITIVE);

    private final MetaPlatform platform;

    private MetaMessagesImporter(MetaPlatform platform) {
        this.platform = requireNonNull(platform, "platform is null");
    }

    public static MetaMessagesImporter facebook() {
        return new MetaMessagesImporter(MetaPlatform.FACEBOOK);
    }

    public static MetaMessagesImporter instagram() {
        return new MetaMessagesImporter(MetaPlatform.INSTAGRAM);
    }

    @Override
    public String format() {
        return platform.formatPrefix() + "-messages";
    }

    @Override
    public Detection detect(Sniff sniff) {
        if (MetaPlatform.ofPath(sniff.fileName()) != platform) {
            return Detection.NO;
        }
        JsonHead head = JsonHead.of(sniff.head());
        if (!head.array() && head.has("messages")
                && (head.has("participants") || head.has("thread_path") || head.has("threadName"))) {
            return Detection.BY_CONTENT;
        }
        return MESSAGE_FILE.matcher(sniff.name()).matches() ? Detection.BY_NAME : Detection.NO;
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        return MetaNodes.open(in, format(), platform, parser -> {
            MetaMessages messages = new MetaMessages(parser, MetaNodes.TREES, platform);
            messages.enterMessages();
            return messages;
        });
    }
}
