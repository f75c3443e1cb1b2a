package org.selfdata.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A step of a request: the status it reached, the day it happened as the person can prove it (the day a letter was
 * posted, the date on an acknowledgement of receipt, the day an answer came), when selfdata recorded it, and the
 * documents that prove it. The deadlines are counted from the days; the log holds the recording times.
 *
 * @param index the step's number in the request's timeline, from 0 for the draft
 * @param happenedOn the day the step happened, in the person's time zone
 * @param recordedAt when selfdata recorded the step, which its log entry also says
 * @param note the person's note on the step
 * @param reasonsGiven for an extension, whether the organization gave its reasons (art. 12(3)); false for any other
 *     step
 */
public record RequestEvent(int index, RequestStatus status, LocalDate happenedOn, Instant recordedAt,
        Optional<String> note, List<Document> documents, boolean reasonsGiven) {
    public RequestEvent {
        requireNonNull(status, "status is null");
        requireNonNull(happenedOn, "happenedOn is null");
        requireNonNull(recordedAt, "recordedAt is null");
        requireNonNull(note, "note is null");
        documents = List.copyOf(documents);
    }

    /**
     * A document of a step, kept sealed in the vault.
     *
     * @param id its id in the vault, to open it with
     * @param sha256 the lower-case hexadecimal SHA-256 of its bytes, which the log entry of the step also holds
     * @param name its file name as the person or the sender gave it
     * @param size its size in bytes
     * @param withheld whether the evidence pack gives only its digest: the person's identity document, or the message
     *     that carried it
     */
    public record Document(String id, String sha256, String name, String mediaType, long size, boolean withheld) {
        public Document {
            requireNonNull(id, "id is null");
            requireNonNull(sha256, "sha256 is null");
            requireNonNull(name, "name is null");
            requireNonNull(mediaType, "mediaType is null");
        }

        /** A document the evidence pack carries. */
        public Document(String id, String sha256, String name, String mediaType, long size) {
            this(id, sha256, name, mediaType, size, false);
        }
    }
}
