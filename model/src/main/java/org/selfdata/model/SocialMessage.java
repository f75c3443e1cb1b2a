package org.selfdata.model;

import java.util.List;
import java.util.Optional;

/**
 * A message in a conversation on a platform, sent or received by the person.
 *
 * @param attachments names or paths of the photos, files and links the message carried
 */
public record SocialMessage(
        String platform,
        String conversation,
        String sender,
        Optional<String> text,
        List<String> attachments) implements Payload {
    public SocialMessage {
        Fields.requiredText(platform, "platform", 64);
        Fields.text(conversation, "conversation", Fields.SHORT_TEXT);
        Fields.text(sender, "sender", Fields.SHORT_TEXT);
        text = Fields.optionalText(text, "text", Fields.LONG_TEXT);
        attachments = Fields.texts(attachments, "attachments", Fields.SHORT_TEXT);
    }

    @Override
    public RecordType type() {
        return RecordType.SOCIAL_MESSAGE;
    }
}
