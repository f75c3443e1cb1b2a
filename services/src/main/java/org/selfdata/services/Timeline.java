package org.selfdata.services;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.vault.RecordTiming;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * How many records of each kind a person has per day, week or month: what a timeline across every source draws.
 *
 * <p>One streaming pass through the gate, as the owner, over the records' kinds and times, which the vault keeps in
 * clear: no record is opened, and the read is logged as a read of the records counted. Records come in time order,
 * so the step a record falls in is nearly always the previous record's: its bounds are kept, and the calendar is only
 * consulted when a record leaves them, which keeps half a million location points cheap to count.
 */
public final class Timeline {
    private final Gate gate;

    public Timeline(Gate gate) {
        this.gate = requireNonNull(gate, "gate is null");
    }

    public TimelineCounts count(Person person, TimelineQuery query) {
        requireNonNull(person, "person is null");
        requireNonNull(query, "query is null");
        ZoneId zone = person.zone();
        TimelineStep step = query.resolvedStep();
        RecordQuery records = RecordQuery.all().withTypes(query.types())
                .between(query.from().map(day -> startOf(day, zone)), query.to().map(day -> startOf(day, zone)));
        Tally tally = new Tally(step, zone);
        try (Stream<RecordTiming> read = gate.timings(new Accessor.Owner(person.id()), records)) {
            Iterator<RecordTiming> iterator = read.iterator();
            while (iterator.hasNext()) {
                RecordTiming timing = iterator.next();
                // A record without a time falls in no step: the timeline is only of what has a time.
                timing.time().span().ifPresent(span -> tally.add(timing.id().type(), span.startMillis()));
            }
        }
        return new TimelineCounts(step, zone, tally.periods());
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The counts so far, and the bounds of the step the last record fell in. */
    private static final class Tally {
        private final TimelineStep step;
        private final ZoneId zone;
        private final Map<LocalDate, Map<RecordType, Long>> counts = new TreeMap<>();
        private Map<RecordType, Long> current = new EnumMap<>(RecordType.class);
        private long currentStartMillis = Long.MAX_VALUE;
        private long currentEndMillis = Long.MIN_VALUE;

        Tally(TimelineStep step, ZoneId zone) {
            this.step = step;
            this.zone = zone;
        }

        void add(RecordType type, long startMillis) {
            if (startMillis < currentStartMillis || startMillis >= currentEndMillis) {
                enter(startMillis);
            }
            current.merge(type, 1L, Long::sum);
        }

        private void enter(long startMillis) {
            LocalDate start = step.startOf(Instant.ofEpochMilli(startMillis).atZone(zone).toLocalDate());
            current = counts.computeIfAbsent(start, day -> new EnumMap<>(RecordType.class));
            currentStartMillis = Timeline.startOf(start, zone).toEpochMilli();
            currentEndMillis = Timeline.startOf(step.next(start), zone).toEpochMilli();
        }

        List<TimelinePeriod> periods() {
            return counts.entrySet().stream()
                    .map(entry -> new TimelinePeriod(entry.getKey(), entry.getValue()))
                    .toList();
        }
    }
}
