package org.selfdata.importers;

import org.selfdata.model.SourceDescriptor;

import java.util.Locale;

/**
 * The two Meta platforms whose "Download your information" archives selfdata reads. Every file of one platform's
 * archive is filed under one source, whatever its folder or export version: a newer archive repeats the older one's
 * messages and posts, and only a shared source lets the vault see them as the same records.
 */
enum MetaPlatform {
    FACEBOOK("Facebook"),
    INSTAGRAM("Instagram");

    private final String label;

    MetaPlatform(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    String formatPrefix() {
        return name().toLowerCase(Locale.ROOT);
    }

    SourceDescriptor source() {
        return SourceDescriptor.file(label, "Download your information");
    }

    /**
     * Which archive a path inside one comes from, for files whose content is the same on both platforms (messages, and
     * the generic {@code label_values} layout):
     * Instagram's archives put them under {@code your_instagram_activity/}, and their folder or zip is usually named
     * after Instagram; anything else is read as Facebook's, Messenger being by far the commoner export. Only the
     * folders above {@code messages/} count, since a conversation's own folder is named after a person, who may well
     * be called {@code instagramfan}.
     */
    static MetaPlatform ofPath(String path) {
        String lower = path.replace('\\', '/').toLowerCase(Locale.ROOT);
        int messages = lower.lastIndexOf("messages/");
        String folders = messages >= 0 ? lower.substring(0, messages) : lower.substring(0, lower.lastIndexOf('/') + 1);
        return folders.contains("instagram") ? INSTAGRAM : FACEBOOK;
    }
}
