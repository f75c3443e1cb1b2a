package org.selfdata.services;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimeLimits;

import java.time.LocalDate;
import java.time.YearMonth;

import static java.util.Objects.requireNonNull;

/** Whole months, {@code from} and {@code to} included, counted by the banks' booking dates. */
public record MoneyPeriod(YearMonth from, YearMonth to) {
    public static final int MAXIMUM_MONTHS = 120;

    public MoneyPeriod {
        TimeLimits.require(requireNonNull(from, "from is null"), ErrorCode.INVALID_ARGUMENT, "the period's first month");
        TimeLimits.require(requireNonNull(to, "to is null"), ErrorCode.INVALID_ARGUMENT, "the period's last month");
        if (to.isBefore(from)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "the period's last month comes before its first");
        }
        if (months(from, to) > MAXIMUM_MONTHS) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "a period spans at most " + MAXIMUM_MONTHS + " months");
        }
    }

    /** The twelve months that end with the given one. */
    public static MoneyPeriod yearEndingWith(YearMonth last) {
        return new MoneyPeriod(last.minusMonths(11), last);
    }

    public int months() {
        return months(from, to);
    }

    public LocalDate firstDay() {
        return from.atDay(1);
    }

    public LocalDate lastDay() {
        return to.atEndOfMonth();
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }

    private static int months(YearMonth from, YearMonth to) {
        return (to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue() + 1;
    }
}
