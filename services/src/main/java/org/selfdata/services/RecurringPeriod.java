package org.selfdata.services;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Locale;

/**
 * How often a payment comes back, with the gaps that count as that often and how far from its usual day a payment may
 * fall and still be on schedule. The bands are wide enough for a direct debit moved past a weekend or a card payment
 * booked two days late, and narrow enough that a weekly payment is never taken for a monthly one.
 */
public enum RecurringPeriod {
    WEEKLY(7, 5, 9, 2, 8),
    MONTHLY(30.44, 25, 36, 5, 6),
    QUARTERLY(91.31, 80, 100, 10, 4),
    YEARLY(365.25, 340, 390, 15, 3);

    private final double days;
    private final int shortestGap;
    private final int longestGap;
    private final int tolerance;
    private final int enough;

    RecurringPeriod(double days, int shortestGap, int longestGap, int tolerance, int enough) {
        this.days = days;
        this.shortestGap = shortestGap;
        this.longestGap = longestGap;
        this.tolerance = tolerance;
        this.enough = enough;
    }

    /** The term the API and the pages use, such as {@code monthly}. */
    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Its length in days, on average: a month is 30.44 days. */
    public double days() {
        return days;
    }

    /** How many days from its usual day a payment may fall and still be on schedule. */
    public int toleranceDays() {
        return tolerance;
    }

    /** How many payments make the period sure, as far as their number goes. */
    int enough() {
        return enough;
    }

    boolean fits(double medianGap) {
        return medianGap >= shortestGap && medianGap <= longestGap;
    }

    /** How many positions a cycle has: days of the week, of the month, of the quarter or of the year, 31 to a month. */
    int cycle() {
        return switch (this) {
            case WEEKLY -> 7;
            case MONTHLY -> 31;
            case QUARTERLY -> 3 * 31;
            case YEARLY -> 12 * 31;
        };
    }

    /** Where in its cycle a day falls, from 0. */
    int position(LocalDate day) {
        return switch (this) {
            case WEEKLY -> day.getDayOfWeek().getValue() - 1;
            case MONTHLY -> day.getDayOfMonth() - 1;
            case QUARTERLY -> (day.getMonthValue() - 1) % 3 * 31 + day.getDayOfMonth() - 1;
            case YEARLY -> (day.getMonthValue() - 1) * 31 + day.getDayOfMonth() - 1;
        };
    }

    /**
     * The numbers of the slots a schedule at the given position has: weeks since 1970, months since year 0, quarters or
     * years. The slot a day belongs to is the one whose date is nearest, which may be the next one for a payment made early.
     */
    long slot(LocalDate day, int position) {
        long guess = switch (this) {
            case WEEKLY -> Math.floorDiv(day.toEpochDay() + 3, 7);
            case MONTHLY -> months(day);
            case QUARTERLY -> Math.floorDiv(months(day), 3);
            case YEARLY -> day.getYear();
        };
        long nearest = guess;
        for (long candidate = guess - 1; candidate <= guess + 1; candidate++) {
            if (Math.abs(day.toEpochDay() - date(candidate, position).toEpochDay())
                    < Math.abs(day.toEpochDay() - date(nearest, position).toEpochDay())) {
                nearest = candidate;
            }
        }
        return nearest;
    }

    /** A slot's date: the day at the position in it, the month's last day when the month is shorter. */
    LocalDate date(long slot, int position) {
        return switch (this) {
            case WEEKLY -> LocalDate.ofEpochDay(slot * 7 - 3).with(DayOfWeek.of(position + 1));
            case MONTHLY -> day(YearMonth.of((int) Math.floorDiv(slot, 12), (int) Math.floorMod(slot, 12) + 1), position + 1);
            case QUARTERLY -> {
                long month = slot * 3 + position / 31;
                yield day(YearMonth.of((int) Math.floorDiv(month, 12), (int) Math.floorMod(month, 12) + 1), position % 31 + 1);
            }
            case YEARLY -> day(YearMonth.of((int) slot, Month.of(position / 31 + 1)), position % 31 + 1);
        };
    }

    /** The month of the year a slot falls in. */
    Month month(long slot, int position) {
        return date(slot, position).getMonth();
    }

    private static long months(LocalDate day) {
        return day.getYear() * 12L + day.getMonthValue() - 1;
    }

    private static LocalDate day(YearMonth month, int day) {
        return month.atDay(Math.min(day, month.lengthOfMonth()));
    }
}
