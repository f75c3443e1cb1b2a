package org.selfdata.model;

import java.util.List;
import java.util.Optional;

/**
 * Something the person published on a platform: a post, a comment, a reaction.
 *
 * @param kind what was published ({@code post}, {@code comment}, {@code reaction})
 */
public record SocialPost(
        String platform,
        String kind,
        Optional<String> text,
        Optional<String> url,
        List<String> attachments) implements Payload {
    public SocialPost {
        Fields.requiredText(platform, "platform", 64);
        Fields.requiredText(kind, "kind", 64);
        text = Fields.optionalText(text, "text", Fields.LONG_TEXT);
        url = Fields.optionalText(url, "url", 2048);
        attachments = Fields.texts(attachments, "attachments", Fields.SHORT_TEXT);
    }

    @Override
    public RecordType type() {
        return RecordType.SOCIAL_POST;
    }
}
