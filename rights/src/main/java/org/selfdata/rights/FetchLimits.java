package org.selfdata.rights;

/**
 * The bounds of one fetch, so that a mailbox cannot make selfdata read without end: beyond them a message is set aside
 * and reported, and the messages beyond the count wait for the next fetch.
 *
 * @param maxMessageBytes the largest message read, as the server states its size
 * @param maxAttachments the most attachments a message read may carry
 * @param maxAttachmentBytes the largest attachment, decoded
 * @param maxMessages the most messages one fetch returns or sets aside
 */
public record FetchLimits(long maxMessageBytes, int maxAttachments, long maxAttachmentBytes, int maxMessages) {
    public FetchLimits {
        if (maxMessageBytes < 1 || maxAttachments < 0 || maxAttachmentBytes < 1 || maxMessages < 1) {
            throw new IllegalArgumentException("fetch limits are positive");
        }
    }

    /** 25 MiB a message, as large as most providers let through; 20 attachments of 20 MiB; 100 messages a fetch. */
    public static FetchLimits standard() {
        return new FetchLimits(25L << 20, 20, 20L << 20, 100);
    }
}
