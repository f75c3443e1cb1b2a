package org.selfdata.rights;

import java.time.LocalDate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A step of a request as the evidence pack shows it: when it happened, what the request's status became, what
 * happened in a sentence, the documents that prove it, and the log entry that recorded it with their digests.
 *
 * @param date the day the step happened, as the person knows it: the day a letter was sent, an answer received
 * @param description what happened, in the pack's language, such as "Access request sent by registered post"
 * @param logIndex the index, in the person's transparency log, of the entry that recorded this step
 */
public record EvidenceStep(LocalDate date, RequestStatus status, String description, List<EvidenceDocument> documents,
        long logIndex) {
    public EvidenceStep {
        requireNonNull(date, "date is null");
        requireNonNull(status, "status is null");
        requireNonNull(description, "description is null");
        documents = List.copyOf(documents);
    }
}
