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
 * @param withheld the documents of the step the pack names by their digest alone: the person's identity document and
 *     the message that carried it, which are not to spread to whoever receives the pack
 */
public record EvidenceStep(LocalDate date, RequestStatus status, String description, List<EvidenceDocument> documents,
        long logIndex, List<Withheld> withheld) {
    public EvidenceStep {
        requireNonNull(date, "date is null");
        requireNonNull(status, "status is null");
        requireNonNull(description, "description is null");
        documents = List.copyOf(documents);
        withheld = List.copyOf(withheld);
    }

    /** A step whose documents the pack carries, all of them. */
    public EvidenceStep(LocalDate date, RequestStatus status, String description, List<EvidenceDocument> documents,
            long logIndex) {
        this(date, status, description, documents, logIndex, List.of());
    }

    /**
     * A document of the step the pack withholds: its digest, which the step's log entry names, proves what was sent
     * to whoever holds the document itself.
     *
     * @param sha256 the lower-case hexadecimal SHA-256 of its bytes
     */
    public record Withheld(String name, String sha256, long size) {
        public Withheld {
            requireNonNull(name, "name is null");
            requireNonNull(sha256, "sha256 is null");
        }
    }
}
