package org.selfdata.rights;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * A message made and not yet sent: its Message-ID, which the caller records before sending so that a retry can look
 * for it, and the exact MIME bytes that will be sent, whose SHA-256 goes on the log.
 *
 * @param messageId the Message-ID selfdata made, angle brackets included, on the domain of the person's address
 * @param mime the message exactly as it is handed to the SMTP server
 * @param sha256 the lower-case hexadecimal SHA-256 of {@code mime}
 */
public record PreparedMail(String messageId, byte[] mime, String sha256) {
    public PreparedMail {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(sha256, "sha256 is null");
        mime = requireNonNull(mime, "mime is null").clone();
    }

    @Override
    public byte[] mime() {
        return mime.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreparedMail that && messageId.equals(that.messageId) && Arrays.equals(mime, that.mime);
    }

    @Override
    public int hashCode() {
        return messageId.hashCode();
    }

    @Override
    public String toString() {
        return "PreparedMail[messageId=" + messageId + ", bytes=" + mime.length + ", sha256=" + sha256 + "]";
    }
}
