package org.selfdata.gate;

import org.selfdata.model.LogEntry;
import org.selfdata.model.RecordType;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The spans of time a grant's reads carried records of each type in, from their log entries, merged: what the gate
 * reads again to know what a recipient received. An entry's span runs from the unit of time its first record began in
 * to the unit its last ended in, at the grant's time precision; its last unit is counted whole.
 */
final class ReadSpans {
    private final Times times;
    private final Set<RecordType> asked;
    private final Map<RecordType, TreeMap<Instant, Instant>> byType = new EnumMap<>(RecordType.class);

    ReadSpans(Times times, Set<RecordType> asked) {
        this.times = requireNonNull(times, "times is null");
        this.asked = Set.copyOf(asked);
    }

    /** Counts a read's entry: for each type it carried among those asked, its span. */
    void add(LogEntry entry) {
        entry.draft().span().filter(span -> entry.draft().count() > 0).ifPresent(span -> entry.draft().types().stream()
                .filter(asked::contains)
                .forEach(type -> merge(byType.computeIfAbsent(type, key -> new TreeMap<>()), span.start(),
                        times.next(times.floor(span.end())))));
    }

    /** The types some read carried, among those asked. */
    Set<RecordType> types() {
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        types.addAll(byType.keySet());
        return types;
    }

    /** The spans of all types together, merged, earliest first: one read of the vault each. */
    List<TimeSpan> merged() {
        TreeMap<Instant, Instant> all = new TreeMap<>();
        byType.values().forEach(spans -> spans.forEach((start, end) -> merge(all, start, end)));
        List<TimeSpan> merged = new ArrayList<>();
        all.forEach((start, end) -> merged.add(TimeSpan.between(start, end)));
        return merged;
    }

    /** Whether a read carried records of this one's type over the moment it begins. */
    boolean holds(StoredRecord record) {
        TreeMap<Instant, Instant> spans = byType.get(record.type());
        return spans != null && record.time().span().map(TimeSpan::start).map(start -> {
            Map.Entry<Instant, Instant> before = spans.floorEntry(start);
            return before != null && start.isBefore(before.getValue());
        }).orElse(false);
    }

    /** Adds {@code [start, end)} to disjoint spans, merging it with those it touches. */
    private static void merge(TreeMap<Instant, Instant> spans, Instant start, Instant end) {
        Instant from = start;
        Instant until = end;
        Map.Entry<Instant, Instant> before = spans.floorEntry(from);
        if (before != null && !before.getValue().isBefore(from)) {
            from = before.getKey();
            until = until.isAfter(before.getValue()) ? until : before.getValue();
        }
        Map.Entry<Instant, Instant> after = spans.ceilingEntry(from);
        while (after != null && !after.getKey().isAfter(until)) {
            until = until.isAfter(after.getValue()) ? until : after.getValue();
            spans.remove(after.getKey());
            after = spans.ceilingEntry(from);
        }
        spans.put(from, until);
    }
}
