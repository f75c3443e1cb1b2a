package org.selfdata.rights;

import org.selfdata.texts.Wording;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A message a fetch set aside rather than read, with why, so that the person can look at it in their mailbox and add
 * it to a request by hand. Its UID is behind the fetch's point all the same: it is reported once, not read again.
 *
 * @param uid its IMAP UID
 * @param messageId its Message-ID when the server gave it
 * @param reason why it was set aside, in words for the person
 */
public record SkippedMail(long uid, Optional<String> messageId, Wording reason) {
    public SkippedMail {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(reason, "reason is null");
    }
}
