package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What a log entry says before the log numbers and dates it. It describes data by type, count and time span only:
 * never a record's content, a file's name or anything a person typed.
 *
 * @param precision a description of the precision applied, such as "location region, amounts exact"
 * @param purpose a DPV purpose term
 * @param source the source an import or erasure concerned
 * @param requests how many identical requests the entry stands for: 1, or more for a recipient's repeated refusals and
 *     empty reads, which the gate folds into one entry rather than letting a recipient grow the log without bound
 * @param requestStep the step of a rights request the entry reports: a letter sent, an answer received, a status
 */
public record LogEntryDraft(LogActor actor, LogAction action, Set<RecordType> types, long count, Optional<TimeSpan> span,
        Optional<String> precision, Optional<GrantId> grant, Optional<String> purpose, Optional<SourceId> source,
        long requests, Optional<RequestStep> requestStep) {
    public LogEntryDraft {
        requireNonNull(actor, "actor is null");
        requireNonNull(action, "action is null");
        types = Set.copyOf(requireNonNull(types, "types is null"));
        requireNonNull(span, "span is null");
        requireNonNull(precision, "precision is null");
        requireNonNull(grant, "grant is null");
        requireNonNull(purpose, "purpose is null");
        requireNonNull(source, "source is null");
        requireNonNull(requestStep, "requestStep is null");
        if (count < 0) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.logCountNegative"));
        }
        if (requests < 1) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.logRequests"));
        }
    }

    /** An entry with only who, what action, which types and how many; the rest is added with the with- methods. */
    public static LogEntryDraft of(LogActor actor, LogAction action, Set<RecordType> types, long count) {
        return new LogEntryDraft(actor, action, types, count, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 1, Optional.empty());
    }

    public LogEntryDraft withSpan(TimeSpan value) {
        return new LogEntryDraft(actor, action, types, count, Optional.of(value), precision, grant, purpose, source,
                requests, requestStep);
    }

    public LogEntryDraft withPrecision(String value) {
        return new LogEntryDraft(actor, action, types, count, span, Optional.of(value), grant, purpose, source,
                requests, requestStep);
    }

    public LogEntryDraft withGrant(GrantId value) {
        return new LogEntryDraft(actor, action, types, count, span, precision, Optional.of(value), purpose, source,
                requests, requestStep);
    }

    public LogEntryDraft withPurpose(String value) {
        return new LogEntryDraft(actor, action, types, count, span, precision, grant, Optional.of(value), source,
                requests, requestStep);
    }

    public LogEntryDraft withSource(SourceId value) {
        return new LogEntryDraft(actor, action, types, count, span, precision, grant, purpose, Optional.of(value),
                requests, requestStep);
    }

    /** The same entry standing for {@code value} identical requests. */
    public LogEntryDraft withRequests(long value) {
        return new LogEntryDraft(actor, action, types, count, span, precision, grant, purpose, source, value,
                requestStep);
    }

    /** The same entry reporting a step of a rights request. */
    public LogEntryDraft withRequestStep(RequestStep value) {
        return new LogEntryDraft(actor, action, types, count, span, precision, grant, purpose, source, requests,
                Optional.of(value));
    }
}
