package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The time selfdata works in: the years 0000 to 9999, from {@code 0000-01-01T00:00:00Z} to the end of
 * {@code 9999-12-31} in UTC.
 *
 * <p>Java reads instants a billion years out ({@code +999999999-12-31T23:59:59Z}), but the vault keeps times as
 * milliseconds since 1970, and the calendar arithmetic of the gate and the services (days, months, a person's time
 * zone) overflows long before that. Every text that names a time is read here, or checked here once read, so that a
 * time outside the range is refused where it comes in, with a message saying where, rather than failing deep inside
 * with a fault. The types that carry a time to the vault (a query, a record's span, a grant's validity) check it again,
 * so that no caller can bring one further.
 */
public final class TimeLimits {
    /** How the range is written in messages, after what is refused: "..., in the years 0000 to 9999". */
    public static final String RANGE = "in the years 0000 to 9999";
    public static final int FIRST_YEAR = 0;
    public static final int LAST_YEAR = 9999;
    /** The first instant in the range. */
    public static final Instant START = Instant.parse("0000-01-01T00:00:00Z");
    /** The first instant after the range: the range ends just before it. */
    public static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    private TimeLimits() {}

    public static boolean contains(Instant instant) {
        return !instant.isBefore(START) && instant.isBefore(END);
    }

    public static boolean contains(LocalDate day) {
        return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR;
    }

    public static boolean contains(YearMonth month) {
        return month.getYear() >= FIRST_YEAR && month.getYear() <= LAST_YEAR;
    }

    /** An ISO-8601 instant such as {@code 2025-01-31T23:00:00Z} within the range; empty when unreadable or outside. */
    public static Optional<Instant> instant(String text) {
        return read(text, Instant::parse, TimeLimits::contains);
    }

    /**
     * An ISO-8601 instant such as {@code 2025-01-31T23:00:00Z}, or a day such as {@code 2025-01-31} meaning the start of
     * that day in the given zone (a person's), within the range; empty when unreadable or outside. A day means its start
     * wherever a time is asked, for the end of a period as for its beginning: ends are exclusive, so that
     * {@code 2025-01-01} to {@code 2026-01-01} is the whole of 2025.
     */
    public static Optional<Instant> dayOrInstant(String text, ZoneId zone) {
        return text.contains("T")
                ? instant(text)
                : day(text).map(day -> day.atStartOfDay(zone).toInstant()).filter(TimeLimits::contains);
    }

    /** An ISO-8601 day such as {@code 2025-01-31} within the range; empty when unreadable or outside. */
    public static Optional<LocalDate> day(String text) {
        return read(text, LocalDate::parse, TimeLimits::contains);
    }

    /** An ISO-8601 month such as {@code 2025-09} within the range; empty when unreadable or outside. */
    public static Optional<YearMonth> month(String text) {
        return read(text, YearMonth::parse, TimeLimits::contains);
    }

    /**
     * The instant, when it is within the range.
     *
     * @param what what the instant is, to start the refusal with, such as "the time window's start"
     * @throws SelfdataException of the given code otherwise
     */
    public static Instant require(Instant instant, ErrorCode code, Wording what) {
        return within(contains(instant), instant, code, what);
    }

    /** The day, when it is within the range; see {@link #require(Instant, ErrorCode, String)}. */
    public static LocalDate require(LocalDate day, ErrorCode code, Wording what) {
        return within(contains(day), day, code, what);
    }

    /** The month, when it is within the range; see {@link #require(Instant, ErrorCode, String)}. */
    public static YearMonth require(YearMonth month, ErrorCode code, Wording what) {
        return within(contains(month), month, code, what);
    }

    private static <T> Optional<T> read(String text, Function<String, T> parse, Predicate<T> contained) {
        try {
            return Optional.of(parse.apply(text)).filter(contained);
        }
        catch (DateTimeException unreadable) {
            return Optional.empty();
        }
    }

    private static <T> T within(boolean contained, T time, ErrorCode code, Wording what) {
        if (!contained) {
            throw new SelfdataException(code, Wording.of("error.model.timeOutOfRange", what));
        }
        return time;
    }
}
