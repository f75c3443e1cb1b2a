package org.selfdata.services;

import org.selfdata.model.RecordId;
import org.selfdata.model.RecordType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Schedules as a test writes them down: the dates a period gives from a first one, and lines on chosen days. */
final class RecurringSchedules {
    private RecurringSchedules() {}

    /** The schedule's {@code index}th date from {@code first}, on its day of the month (28th at most) for month periods. */
    static LocalDate date(RecurringPeriod period, LocalDate first, int index) {
        return switch (period) {
            case WEEKLY -> first.plusWeeks(index);
            case MONTHLY -> months(first, index);
            case QUARTERLY -> months(first, 3 * index);
            case YEARLY -> months(first, 12 * index);
        };
    }

    private static LocalDate months(LocalDate first, int months) {
        return YearMonth.from(first).plusMonths(months).atDay(Math.min(first.getDayOfMonth(), 28));
    }

    static RecurringFlow.Occurrence line(LocalDate day, String amount) {
        return line(day, new BigDecimal(amount));
    }

    static RecurringFlow.Occurrence line(LocalDate day, BigDecimal amount) {
        long millis = day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        return new RecurringFlow.Occurrence(new RecordId(RecordType.BANK_TRANSACTION, millis, 1 + amount.unscaledValue()
                .longValue() % 1_000), day, amount);
    }

    /** What the detection finds in one payee's lines, read up to {@code asOf}. */
    static Found detect(List<RecurringFlow.Occurrence> lines, LocalDate asOf) {
        List<RecurringFlow> flows = new ArrayList<>();
        List<RecurringFlows.Unsure> unsure = new ArrayList<>();
        new RecurringDetection("PAYEE", "EUR", false, lines).into(asOf, flows, unsure);
        return new Found(flows, unsure);
    }

    record Found(List<RecurringFlow> flows, List<RecurringFlows.Unsure> unsure) {}
}
