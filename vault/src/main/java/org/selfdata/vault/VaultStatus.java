package org.selfdata.vault;

import org.selfdata.model.Person;
import org.selfdata.model.RecordType;
import org.selfdata.model.Source;
import org.selfdata.model.SourceId;
import org.selfdata.model.TimeSpan;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What a person's vault holds: each source with its batches, and for each source and type how many records and
 * the time they cover. Counts and times only: a status never opens a payload.
 */
public record VaultStatus(Person person, List<Source> sources, long batches, List<Coverage> coverage) {
    public VaultStatus {
        requireNonNull(person, "person is null");
        sources = List.copyOf(sources);
        coverage = List.copyOf(coverage);
    }

    /** The records of one type from one source. */
    public record Coverage(SourceId source, RecordType type, Totals totals) {}

    /**
     * How many records, and the time from the first one's start to the last one's end; no time when none of them has
     * one (contacts without a revision date, for instance).
     */
    public record Totals(long records, Optional<TimeSpan> span) {
        public Totals {
            requireNonNull(span, "span is null");
        }

        Totals plus(Totals other) {
            Optional<TimeSpan> both = span.isEmpty() ? other.span : other.span.isEmpty() ? span
                    : Optional.of(joined(span.get(), other.span.get()));
            return new Totals(records + other.records, both);
        }

        private static TimeSpan joined(TimeSpan one, TimeSpan other) {
            Instant start = one.start().isBefore(other.start()) ? one.start() : other.start();
            Instant end = one.end().isAfter(other.end()) ? one.end() : other.end();
            return TimeSpan.between(start, end);
        }
    }

    public long records() {
        return coverage.stream().mapToLong(entry -> entry.totals().records()).sum();
    }

    /** Totals per type over all sources, in the registry's order of types. */
    public Map<RecordType, Totals> byType() {
        Map<RecordType, Totals> byType = new EnumMap<>(RecordType.class);
        coverage.forEach(entry -> byType.merge(entry.type(), entry.totals(), Totals::plus));
        return byType;
    }

    /** Totals per source over all types, in order of source id. */
    public Map<SourceId, Totals> bySource() {
        Map<SourceId, Totals> bySource = new TreeMap<>();
        coverage.forEach(entry -> bySource.merge(entry.source(), entry.totals(), Totals::plus));
        return bySource;
    }
}
