package org.selfdata.importers;

import biweekly.property.ExceptionDates;
import biweekly.property.RecurrenceDates;
import biweekly.util.ByDay;
import biweekly.util.ICalDate;
import biweekly.util.Period;
import biweekly.util.Recurrence;
import biweekly.util.com.google.ical.iter.RecurrenceIterator;
import biweekly.util.com.google.ical.iter.RecurrenceIteratorFactory;
import biweekly.util.com.google.ical.values.DateTimeValueImpl;
import biweekly.util.com.google.ical.values.DateValue;
import biweekly.util.com.google.ical.values.DateValueImpl;
import biweekly.util.com.google.ical.values.TimeValue;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.texts.Wording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The occurrences of a recurring event, one record each, in time order: its DTSTART, its RRULE's dates and its RDATEs,
 * less its EXDATEs, each occurrence a changed instance (an override: same UID, a RECURRENCE-ID naming the original
 * start) replaces taking the override's own times and text.
 *
 * <p>Expansion is bounded, since an RRULE without COUNT or UNTIL never ends: occurrences stop at the calendar's
 * horizon ({@link ICalendarEvents#HORIZON_YEARS} years after the latest date written in the calendar, which for an
 * export is at least its DTSTAMPs, the moment it was made) and after {@link #MAXIMUM_OCCURRENCES} per event. Five
 * thousand covers a daily event for thirteen years, or a weekly one for a century; only rules more frequent than
 * daily reach it, and those, expanded for years, would be noise rather than the person's history. The rule is
 * walked by biweekly's google-rfc-2445 iterator in local time (as RFC 5545 asks: a daily 9:00 stays 9:00 across
 * daylight-saving changes); each local time is then placed in the event's zone. UNTIL is applied here, as an
 * instant, so that a date-only UNTIL never depends on the JVM's default zone.
 *
 * <p>An override whose RECURRENCE-ID matches no occurrence (one beyond the horizon, or of an excluded date) is still
 * an event the person has: it follows the series as a record of its own.
 */
final class ICalendarSeries implements Iterator<RecordDraft> {
    static final int MAXIMUM_OCCURRENCES = 5_000;
    private static final int MAXIMUM_SKIPPED = 100_000;

    private final ICalendarEvent master;
    private final Optional<String> rule;
    private final Instant horizon;
    private final TreeMap<Instant, ICalendarEvent> overrides;
    private final Set<Instant> excluded = new HashSet<>();
    private final Set<LocalDate> excludedDays = new HashSet<>();
    private final TreeMap<Instant, LocalDateTime> dates = new TreeMap<>();
    private final Optional<RecurrenceIterator> ruleDates;
    private final Optional<Instant> until;
    private Optional<Map.Entry<Instant, LocalDateTime>> nextRuleDate = Optional.empty();
    private Optional<RecordDraft> pending = Optional.empty();
    private Optional<Instant> last = Optional.empty();
    private int occurrences;
    private int skipped;
    private boolean ended;
    private boolean ruleEnded;

    ICalendarSeries(ICalendarEvent master, Map<Instant, ICalendarEvent> overrides, LocalDate horizon) {
        this.master = requireNonNull(master, "master is null");
        this.overrides = new TreeMap<>(overrides);
        this.horizon = horizon.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        this.rule = master.rule();
        dates.put(master.instant(master.start()), master.start());
        for (RecurrenceDates property : master.event().getRecurrenceDates()) {
            property.getDates().forEach(date -> addDate(property, date));
            property.getPeriods().stream().map(Period::getStartDate).filter(Objects::nonNull)
                    .forEach(date -> addDate(property, date));
        }
        for (ExceptionDates property : master.event().getExceptionDates()) {
            for (ICalDate date : property.getValues()) {
                if (date.hasTime() && !master.allDay()) {
                    excluded.add(master.instant(property, date));
                }
                else {
                    excludedDays.add(ICalendarEvent.local(date).toLocalDate());
                }
            }
        }
        Optional<Recurrence> recurrence = Optional.ofNullable(master.event().getRecurrenceRule())
                .map(property -> property.getValue());
        recurrence.ifPresent(this::check);
        this.until = recurrence.map(Recurrence::getUntil).map(this::until);
        this.ruleDates = recurrence.map(value -> RecurrenceIteratorFactory.createRecurrenceIterator(
                new Recurrence.Builder(value).until((ICalDate) null).build(), dateValue(master.start(), master.allDay()),
                TimeZone.getTimeZone("UTC")));
    }

    @Override
    public boolean hasNext() {
        if (pending.isEmpty() && !ended) {
            try {
                pending = advance();
            }
            catch (RejectedRecord e) {
                throw e;
            }
            catch (RuntimeException | AssertionError e) {
                // biweekly's iterator checks its own invariants with assert: a fuzzed rule can break them.
                ended = true;
                overrides.clear();
                throw InvalidInput.rejected(master.position(), Wording.of("error.calendar.recurrencesNotComputable"));
            }
        }
        return pending.isPresent();
    }

    @Override
    public RecordDraft next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more occurrences");
        }
        RecordDraft record = pending.get();
        pending = Optional.empty();
        return record;
    }

    private Optional<RecordDraft> advance() {
        while (occurrences < MAXIMUM_OCCURRENCES) {
            Optional<Map.Entry<Instant, LocalDateTime>> candidate = nextCandidate();
            if (candidate.isEmpty() || candidate.get().getKey().isAfter(horizon)) {
                break;
            }
            Instant instant = candidate.get().getKey();
            LocalDateTime local = candidate.get().getValue();
            if (last.isPresent() && !instant.isAfter(last.get())) {
                continue;
            }
            last = Optional.of(instant);
            if (excluded.contains(instant) || excludedDays.contains(local.toLocalDate())) {
                if (++skipped > MAXIMUM_SKIPPED) {
                    break;
                }
                continue;
            }
            occurrences++;
            ICalendarEvent override = overrides.remove(instant);
            if (override != null) {
                return Optional.of(override.record(override.start(), rule, override.position()));
            }
            Position position = new Position("line " + master.line() + ", occurrence " + occurrences);
            return Optional.of(master.record(local, rule, position));
        }
        Map.Entry<Instant, ICalendarEvent> unmatched = overrides.pollFirstEntry();
        if (unmatched == null) {
            ended = true;
            return Optional.empty();
        }
        occurrences = MAXIMUM_OCCURRENCES;
        return Optional.of(unmatched.getValue().record(unmatched.getValue().start(), rule, unmatched.getValue().position()));
    }

    /** The earlier of the rule's next date and the next explicit date (DTSTART, RDATE). */
    private Optional<Map.Entry<Instant, LocalDateTime>> nextCandidate() {
        if (nextRuleDate.isEmpty() && !ruleEnded && ruleDates.isPresent() && ruleDates.get().hasNext()) {
            LocalDateTime local = local(ruleDates.get().next());
            Instant instant = master.instant(local);
            ruleEnded = until.isPresent() && instant.isAfter(until.get());
            if (!ruleEnded) {
                nextRuleDate = Optional.of(Map.entry(instant, local));
            }
        }
        Optional<Map.Entry<Instant, LocalDateTime>> explicit = Optional.ofNullable(dates.firstEntry());
        if (nextRuleDate.isPresent() && (explicit.isEmpty() || nextRuleDate.get().getKey().isBefore(explicit.get().getKey()))) {
            Optional<Map.Entry<Instant, LocalDateTime>> taken = nextRuleDate;
            nextRuleDate = Optional.empty();
            return taken;
        }
        return explicit.map(entry -> dates.pollFirstEntry());
    }

    private void addDate(RecurrenceDates property, ICalDate date) {
        if (dates.size() >= MAXIMUM_OCCURRENCES) {
            return;
        }
        Instant instant = master.instant(property, date);
        LocalDateTime local = master.allDay() || !date.hasTime() ? ICalendarEvent.local(date) : master.zone().local(instant);
        dates.put(instant, local);
    }

    private Instant until(ICalDate value) {
        LocalDateTime local = ICalendarEvent.local(value);
        if (!value.hasTime()) {
            return master.instant(local.toLocalDate().atTime(23, 59, 59));
        }
        return value.getRawComponents() != null && value.getRawComponents().isUtc() ? local.toInstant(ZoneOffset.UTC)
                : master.instant(local);
    }

    /** Rejects a rule whose parts are out of their ranges, which the iterator would otherwise trip on. */
    private void check(Recurrence recurrence) {
        if (recurrence.getFrequency() == null) {
            throw InvalidInput.rejected(master.position(), Wording.of("error.calendar.noFrequency"));
        }
        boolean valid = within(recurrence.getByMonth(), 1, 12, false) && within(recurrence.getByMonthDay(), 1, 31, true)
                && within(recurrence.getByYearDay(), 1, 366, true) && within(recurrence.getByWeekNo(), 1, 53, true)
                && within(recurrence.getBySetPos(), 1, 366, true) && within(recurrence.getByHour(), 0, 23, false)
                && within(recurrence.getByMinute(), 0, 59, false) && within(recurrence.getBySecond(), 0, 60, false)
                && within(recurrence.getByDay().stream().map(ByDay::getNum).toList(), 1, 53, true)
                && (recurrence.getInterval() == null || recurrence.getInterval() >= 1)
                && (recurrence.getCount() == null || recurrence.getCount() >= 1);
        if (!valid) {
            throw InvalidInput.rejected(master.position(), Wording.of("error.calendar.ruleOutOfRange"));
        }
    }

    private static boolean within(Collection<Integer> values, int low, int high, boolean signed) {
        List<Integer> present = new ArrayList<>(values);
        present.removeIf(Objects::isNull);
        return present.stream().allMatch(value -> (value >= low && value <= high) || (signed && value <= -low && value >= -high));
    }

    private static DateValue dateValue(LocalDateTime local, boolean allDay) {
        return allDay ? new DateValueImpl(local.getYear(), local.getMonthValue(), local.getDayOfMonth())
                : new DateTimeValueImpl(local.getYear(), local.getMonthValue(), local.getDayOfMonth(), local.getHour(),
                        local.getMinute(), local.getSecond());
    }

    private static LocalDateTime local(DateValue value) {
        LocalDate date = LocalDate.of(value.year(), value.month(), value.day());
        return value instanceof TimeValue time ? date.atTime(time.hour(), time.minute(), Math.min(time.second(), 59))
                : date.atStartOfDay();
    }
}
