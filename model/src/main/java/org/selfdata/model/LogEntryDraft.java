package org.selfdata.model;

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
 */
public record LogEntryDraft(LogActor actor, LogAction action, Set<RecordType> types, long count, Optional<TimeSpan> span,
        Optional<String> precision, Optional<GrantId> grant, Optional<String> purpose, Optional<SourceId> source) {
    public LogEntryDraft {
        requireNonNull(actor, "actor is null");
        requireNonNull(action, "action is null");
        types = Set.copyOf(requireNonNull(types, "types is null"));
        requireNonNull(span, "span is null");
        requireNonNull(precision, "precision is null");
        requireNonNull(grant, "grant is null");
        requireNonNull(purpose, "purpose is null");
        requireNonNull(source, "source is null");
        if (count < 0) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "a log entry's count cannot be negative");
        }
    }

    /** An entry with only who, what action, which types and how many; the rest is added with the with- methods. */
    public static LogEntryDraft of(LogActor actor, LogAction action, Set<RecordType> types, long count) {
        return new LogEntryDraft(actor, action, types, count, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public LogEntryDraft withSpan(TimeSpan value) {
        return new LogEntryDraft(actor, action, types, count, Optional.of(value), precision, grant, purpose, source);
    }

    public LogEntryDraft withPrecision(String value) {
        return new LogEntryDraft(actor, action, types, count, span, Optional.of(value), grant, purpose, source);
    }

    public LogEntryDraft withGrant(GrantId value) {
        return new LogEntryDraft(actor, action, types, count, span, precision, Optional.of(value), purpose, source);
    }

    public LogEntryDraft withPurpose(String value) {
        return new LogEntryDraft(actor, action, types, count, span, precision, grant, Optional.of(value), source);
    }

    public LogEntryDraft withSource(SourceId value) {
        return new LogEntryDraft(actor, action, types, count, span, precision, grant, purpose, Optional.of(value));
    }
}
