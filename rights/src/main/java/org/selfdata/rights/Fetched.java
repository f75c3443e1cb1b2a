package org.selfdata.rights;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What one fetch from the mailbox brought: the messages read, those set aside with why, where to start next time.
 *
 * @param messages the messages read, by UID
 * @param skipped the messages set aside, by UID
 * @param next the point to give the next fetch
 * @param more whether messages beyond the fetch's limit are waiting for the next fetch
 * @param restarted whether the folder's UIDVALIDITY had changed, so that this fetch started again from the first
 *     message and may return messages already seen (their Message-ID and digest tell them apart)
 */
public record Fetched(List<ReceivedMail> messages, List<SkippedMail> skipped, FetchPoint next, boolean more,
        boolean restarted) {
    public Fetched {
        messages = List.copyOf(messages);
        skipped = List.copyOf(skipped);
        requireNonNull(next, "next is null");
    }
}
