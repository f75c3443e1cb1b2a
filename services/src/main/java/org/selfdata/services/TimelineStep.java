package org.selfdata.services;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How wide a bar of the timeline is: a day, a week from Monday, or a calendar month, in the person's own time zone.
 *
 * <p>Each step bounds the span it may cover, so that a timeline stays a few hundred bars at most: a page shows what it
 * fetched, and a bar per day over ten years would be more than anyone can read.
 */
public enum TimelineStep {
    DAY(731),
    WEEK(3653),
    MONTH(Long.MAX_VALUE);

    private final long longestSpanInDays;

    TimelineStep(long longestSpanInDays) {
        this.longestSpanInDays = longestSpanInDays;
    }

    /** The first day of the step holding this day. */
    public LocalDate startOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first day of the step after the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** The most days from {@code from} to {@code to} this step may count over. */
    public long longestSpanInDays() {
        return longestSpanInDays;
    }

    /** The name in the API: {@code day}, {@code week} or {@code month}. */
    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TimelineStep fromTerm(String term) {
        return Arrays.stream(values())
                .filter(step -> step.term().equals(term))
                .findFirst()
                .orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.services.timelineStep",
                        Arrays.stream(values()).map(TimelineStep::term).collect(Collectors.joining(", ")))));
    }
}
