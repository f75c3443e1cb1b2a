package org.selfdata.gate;

import org.selfdata.model.TimePrecision;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

import static java.util.Objects.requireNonNull;

/**
 * Truncates times to a time precision in the person's own zone: a day is the person's day, not UTC's, and an hour
 * is a local hour, so that the two 02:00 hours of a night when clocks go back stay apart.
 *
 * <p>Public so that what a recipient could work out from its records is worked out from times truncated exactly as
 * the gate truncates them.
 */
public final class Times {
    /** A date and the instant it begins at in the zone. */
    private record DayStart(LocalDate date, Instant start) {}

    private final TimePrecision precision;
    private final ZoneId zone;
    private volatile DayStart lastDay;

    public Times(TimePrecision precision, ZoneId zone) {
        this.precision = requireNonNull(precision, "precision is null");
        this.zone = requireNonNull(zone, "zone is null");
        this.lastDay = new DayStart(LocalDate.EPOCH, LocalDate.EPOCH.atStartOfDay(zone).toInstant());
    }

    /** The zone whose days, weeks and months the units are. */
    public ZoneId zone() {
        return zone;
    }

    /** The start of the unit holding {@code instant}. */
    public Instant floor(Instant instant) {
        return switch (precision) {
            case EXACT -> instant;
            case HOUR -> instant.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAY, WEEK, MONTH -> startOf(date(instant.atZone(zone).toLocalDate()));
        };
    }

    /**
     * When a unit that begins on this date begins, in the person's zone. A shared page floors each of its records' times,
     * mostly of one day, and finding a day's first instant is the costly part (the zone's rules looked up for a local
     * time), so the last day's answer is kept: the same date always begins at the same instant.
     */
    private Instant startOf(LocalDate date) {
        DayStart kept = lastDay;
        if (kept.date().equals(date)) {
            return kept.start();
        }
        Instant start = date.atStartOfDay(zone).toInstant();
        lastDay = new DayStart(date, start);
        return start;
    }

    /** The end of a span, widened to the end of its unit, so that a reduced span still holds the real one. */
    Instant ceiling(Instant end) {
        Instant floor = floor(end);
        return floor.equals(end) ? end : next(floor);
    }

    /** The first day of the unit holding {@code date}; a date is already to the day, so exact and hour keep it. */
    LocalDate date(LocalDate date) {
        return switch (precision) {
            case EXACT, HOUR, DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    /** The start of the unit after the one that starts at {@code floor}; a unit of exact time is one millisecond. */
    Instant next(Instant floor) {
        ZonedDateTime start = floor.atZone(zone);
        return switch (precision) {
            case EXACT -> floor.plusMillis(1);
            case HOUR -> floor.plus(1, ChronoUnit.HOURS);
            case DAY -> start.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            case WEEK -> start.toLocalDate().plusWeeks(1).atStartOfDay(zone).toInstant();
            case MONTH -> start.toLocalDate().plusMonths(1).atStartOfDay(zone).toInstant();
        };
    }
}
