package org.selfdata.services;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimeLimits;
import org.selfdata.texts.Wording;

import java.time.LocalDate;
import java.time.YearMonth;

import static java.util.Objects.requireNonNull;

/** Whole months, {@code from} and {@code to} included, counted by the banks' booking dates. */
public record MoneyPeriod(YearMonth from, YearMonth to) {
    public static final int MAXIMUM_MONTHS = 120;

    public MoneyPeriod {
        TimeLimits.require(requireNonNull(from, "from is null"), ErrorCode.INVALID_ARGUMENT,
                Wording.of("error.services.time.firstMonth"));
        TimeLimits.require(requireNonNull(to, "to is null"), ErrorCode.INVALID_ARGUMENT,
                Wording.of("error.services.time.lastMonth"));
        if (to.isBefore(from)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.services.lastMonthBeforeFirst"));
        }
        if (months(from, to) > MAXIMUM_MONTHS) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.services.periodMonths", MAXIMUM_MONTHS));
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
