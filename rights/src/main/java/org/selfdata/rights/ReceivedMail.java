package org.selfdata.rights;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A message read from the person's mailbox, perhaps an organization's answer.
 *
 * @param uid its IMAP UID in the folder read
 * @param messageId its Message-ID, angle brackets included
 * @param inReplyTo the Message-ID it answers, from its In-Reply-To header
 * @param references the Message-IDs of its References header, oldest first
 * @param from the address of its sender (the first From address), without the display name
 * @param subject its subject, decoded; empty when it has none
 * @param deliveredAt when it reached the mailbox, and which clock says so
 * @param text its text: the first text/plain part, else the first text/html part with the markup removed, else empty
 * @param attachments its files: every part with a file name or marked as an attachment, and every part that is not text
 * @param raw the message's MIME bytes, exactly as the server keeps them
 */
public record ReceivedMail(long uid, Optional<String> messageId, Optional<String> inReplyTo, List<String> references,
        Optional<String> from, String subject, Delivery deliveredAt, String text, List<MailAttachment> attachments,
        byte[] raw) {
    public ReceivedMail {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(inReplyTo, "inReplyTo is null");
        references = List.copyOf(references);
        requireNonNull(from, "from is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(deliveredAt, "deliveredAt is null");
        requireNonNull(text, "text is null");
        attachments = List.copyOf(attachments);
        raw = requireNonNull(raw, "raw is null").clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** The lower-case hexadecimal SHA-256 of the raw bytes, as the log records a message received. */
    public String sha256() {
        return MailSender.sha256(raw);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceivedMail that && uid == that.uid && messageId.equals(that.messageId)
                && Arrays.equals(raw, that.raw);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(uid) * 31 + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "ReceivedMail[uid=" + uid + ", messageId=" + messageId + ", attachments=" + attachments.size()
                + ", bytes=" + raw.length + "]";
    }

    /**
     * When a message reached the mailbox. The GDPR's month runs from the organization's receipt of a request; for an
     * answer, what counts is when it reached the person, which the server that holds the mailbox knows best.
     *
     * @param source which clock gives the time
     */
    public record Delivery(Instant at, Source source) {
        public Delivery {
            requireNonNull(at, "at is null");
            requireNonNull(source, "source is null");
        }

        /** Which clock gives a delivery time, from the most trusted. */
        public enum Source {
            /** The IMAP server's INTERNALDATE: when the message was delivered into the mailbox. */
            INTERNAL_DATE,
            /**
             * The date of the topmost Received header, added by the last server on the way, when the IMAP server gives
             * no INTERNALDATE.
             */
            RECEIVED_HEADER,
            /** The sender's Date header, when neither of the others is there. */
            DATE_HEADER
        }
    }
}
