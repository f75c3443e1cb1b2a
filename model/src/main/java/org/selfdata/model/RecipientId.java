package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Identifies a recipient: an opaque, unguessable text allocated by the vault, safe to show in URLs, receipts and the log.
 * It carries nothing about the person or the recipient's content.
 */
public record RecipientId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    public RecipientId {
        requireNonNull(value, "value is null");
        if (!FORM.matcher(value).matches()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.recipientIdShape"));
        }
    }

    public static RecipientId of(String value) {
        return new RecipientId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
