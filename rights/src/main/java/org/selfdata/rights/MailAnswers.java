package org.selfdata.rights;

import java.util.List;

/**
 * What a fetch of the person's mailbox brought: the answers recorded, by request reference, and how many messages
 * matched no request (left in the mailbox for the person to attach by hand) or were set aside for their size.
 */
public record MailAnswers(List<String> answered, int unmatched, List<SkippedMail> skipped) {
    public MailAnswers {
        answered = List.copyOf(answered);
        skipped = List.copyOf(skipped);
    }
}
