package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * When a record happened: an instant, or a span from {@code start} (inclusive) to {@code end} (exclusive for
 * spans, equal to start for instants).
 *
 * <p>The vault keeps times to the millisecond, so both ends are truncated to milliseconds here, once, rather
 * than silently by the database: what a record says is exactly what comes back from the vault and from an
 * export. Both ends are within {@link TimeLimits}, so that they always fit the vault's milliseconds.
 */
public record TimeSpan(Instant start, Instant end) implements RecordTime {
    /** Made once: a span is made for every record read, and a wording checks its key when made. */
    private static final Wording OUT_OF_RANGE = Wording.of("error.model.time.time");

    public TimeSpan {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        TimeLimits.require(start, ErrorCode.INVALID_INPUT, OUT_OF_RANGE);
        TimeLimits.require(end, ErrorCode.INVALID_INPUT, OUT_OF_RANGE);
        start = toMillis(start);
        end = end.equals(start) ? start : toMillis(end);
        if (end.isBefore(start)) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT,
                    Wording.of("error.model.timeSpanEndsBeforeStart", end.toString(), start.toString()));
        }
    }

    /** Most instants are whole milliseconds already (every one read back from the vault is): keep those as they are. */
    private static Instant toMillis(Instant instant) {
        return instant.getNano() % 1_000_000 == 0 ? instant : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    public static TimeSpan at(Instant instant) {
        return new TimeSpan(instant, instant);
    }

    public static TimeSpan between(Instant start, Instant end) {
        return new TimeSpan(start, end);
    }

    /** The whole of a calendar day in a time zone: what a bank means by a booking date. */
    public static TimeSpan day(LocalDate date, ZoneId zone) {
        return new TimeSpan(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public static TimeSpan ofEpochMillis(long startMillis, long endMillis) {
        return new TimeSpan(Instant.ofEpochMilli(startMillis), Instant.ofEpochMilli(endMillis));
    }

    @Override
    public Optional<TimeSpan> span() {
        return Optional.of(this);
    }

    public boolean isInstant() {
        return start.equals(end);
    }

    public long startMillis() {
        return start.toEpochMilli();
    }

    public long endMillis() {
        return end.toEpochMilli();
    }
}
