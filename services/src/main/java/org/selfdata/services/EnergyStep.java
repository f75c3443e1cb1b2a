package org.selfdata.services;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;

/**
 * How finely consumption is added up: the readings as the meter gave them, or per hour, day, week (from Monday) or month
 * of the person's own calendar, so that a day is a day even when the clocks change.
 */
public enum EnergyStep {
    RAW, HOUR, DAY, WEEK, MONTH;

    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EnergyStep fromTerm(String term) {
        return Arrays.stream(values()).filter(step -> step.term().equals(term)).findFirst()
                .orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.services.energyStep")));
    }

    /** The start of the step that holds the time; not for {@link #RAW}, which has no steps of its own. */
    ZonedDateTime startOf(ZonedDateTime time) {
        return switch (this) {
            case RAW -> time;
            case HOUR -> time.truncatedTo(ChronoUnit.HOURS);
            case DAY -> time.truncatedTo(ChronoUnit.DAYS);
            case WEEK -> time.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        };
    }

    ZonedDateTime next(ZonedDateTime start) {
        return switch (this) {
            case RAW -> start;
            case HOUR -> start.plusHours(1);
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}
