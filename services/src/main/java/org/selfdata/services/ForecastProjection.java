package org.selfdata.services;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The arithmetic of a forecast, apart from reading: the balance walked forward day by day from the opening one, adding
 * each due's typical amount on its day and the trend's mean every day; the band widened by each due's range on the side
 * that hurts or helps, and by the trend's spread times {@value #Z} times the square root of the days ahead.
 */
final class ForecastProjection {
    /** How many days before the forecast's first the day-to-day spending is measured over: three months. */
    static final int TREND_DAYS = 90;
    /** The normal quantile that leaves a tenth on each side: the band holds the balance about four days in five. */
    static final double Z = 1.2816;

    private final LocalDate asOf;
    private final int horizon;

    ForecastProjection(LocalDate asOf, int horizon) {
        this.asOf = requireNonNull(asOf, "asOf is null");
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be positive");
        }
        this.horizon = horizon;
    }

    /**
     * The dues of the flows still running, by day, then by payee. A date already past but within the period's tolerance
     * is due on the first day ahead, as the payment may be booked a few days late; a payment later than that (a grant
     * that stops for the summer, a bill moved) is still listed on the first day ahead, marked late, and only widens the
     * band: it may come, but the expected balance does not count on it.
     */
    List<ForecastDays.Due> dues(List<RecurringFlow> flows) {
        LocalDate last = asOf.plusDays(horizon);
        List<ForecastDays.Due> dues = new ArrayList<>();
        for (RecurringFlow flow : flows) {
            if (flow.status() == RecurringFlow.Status.ENDED) {
                continue;
            }
            List<LocalDate> dates = dates(flow, last);
            List<LocalDate> past = dates.stream().filter(date -> !date.isAfter(asOf)).toList();
            if (!past.isEmpty()) {
                boolean late = past.getLast().plusDays(flow.period().toleranceDays()).isBefore(asOf);
                dues.add(due(flow, asOf.plusDays(1), late));
            }
            dates.stream().filter(date -> date.isAfter(asOf)).forEach(date -> dues.add(due(flow, date, false)));
        }
        dues.sort(Comparator.comparing(ForecastDays.Due::day).thenComparing(ForecastDays.Due::payee));
        return dues;
    }

    private static ForecastDays.Due due(RecurringFlow flow, LocalDate day, boolean late) {
        return new ForecastDays.Due(day, flow.name(), flow.income(), flow.typical(), flow.lowest(), flow.highest(),
                flow.confidence().level(), late);
    }

    /** The days ahead and the stretch where the balance is lowest. */
    ForecastDays project(String currency, boolean fromStatement, BigDecimal opening, ForecastDays.Trend trend,
            List<RecurringFlow> flows) {
        List<ForecastDays.Due> dues = dues(flows);
        List<ForecastDays.Day> days = new ArrayList<>();
        BigDecimal expected = opening;
        BigDecimal down = BigDecimal.ZERO;
        BigDecimal up = BigDecimal.ZERO;
        int next = 0;
        for (int ahead = 1; ahead <= horizon; ahead++) {
            LocalDate day = asOf.plusDays(ahead);
            for (; next < dues.size() && dues.get(next).day().equals(day); next++) {
                ForecastDays.Due due = dues.get(next);
                BigDecimal more = due.highest().subtract(due.typical());
                BigDecimal less = due.typical().subtract(due.lowest());
                if (due.late()) {
                    more = due.highest();
                    less = BigDecimal.ZERO;
                }
                else {
                    expected = expected.add(due.signed());
                }
                down = down.add(due.income() ? less : more);
                up = up.add(due.income() ? more : less);
            }
            expected = expected.add(trend.perDay());
            BigDecimal drift = trend.spreadPerDay().multiply(BigDecimal.valueOf(Z * Math.sqrt(ahead)));
            days.add(new ForecastDays.Day(day, cents(expected), cents(expected.subtract(down).subtract(drift)),
                    cents(expected.add(up).add(drift))));
        }
        return new ForecastDays(currency, asOf, horizon, true, fromStatement, cents(opening), trend, dues, days,
                lowest(days, dues));
    }

    /**
     * The earliest lowest day, widened back to the payment due on or before it and forward to the day before the next
     * due; its payments are those due since the latest income on or before it. Late dues, not counted on, are no reason.
     */
    private static Optional<ForecastDays.Low> lowest(List<ForecastDays.Day> days, List<ForecastDays.Due> all) {
        List<ForecastDays.Due> dues = all.stream().filter(due -> !due.late()).toList();
        ForecastDays.Day low = days.stream().min(Comparator.comparing(ForecastDays.Day::expected)).orElseThrow();
        LocalDate day = low.day();
        Optional<LocalDate> lastIncome = dues.stream().filter(due -> due.income() && !due.day().isAfter(day))
                .map(ForecastDays.Due::day).max(Comparator.naturalOrder());
        List<ForecastDays.Due> payments = dues.stream().filter(due -> !due.income() && !due.day().isAfter(day)
                && lastIncome.map(income -> due.day().isAfter(income)).orElse(true)).toList();
        LocalDate from = payments.isEmpty() ? day : payments.getLast().day();
        Optional<ForecastDays.Due> following = dues.stream().filter(due -> due.day().isAfter(day)).findFirst();
        LocalDate to = following.map(due -> due.day().minusDays(1)).orElse(days.getLast().day());
        Optional<ForecastDays.Due> relief = following.filter(ForecastDays.Due::income);
        return Optional.of(new ForecastDays.Low(from, to, low.expected(), low.low(), payments, relief));
    }

    /**
     * The flow's schedule dates from its next one to {@code last}, paused months skipped. Its day in the month is read
     * back from its next date, or from its payments when the next date is a short month's last day (a rent due on the
     * 31st falls on the 30th in June and on the 31st again in July).
     */
    static List<LocalDate> dates(RecurringFlow flow, LocalDate last) {
        RecurringPeriod period = flow.period();
        LocalDate next = flow.next();
        int position = period.position(next);
        if (period != RecurringPeriod.WEEKLY && next.getDayOfMonth() == next.lengthOfMonth()) {
            int usual = flow.occurrences().stream().mapToInt(occurrence -> occurrence.day().getDayOfMonth())
                    .filter(dayOfMonth -> dayOfMonth >= next.getDayOfMonth()).max().orElse(next.getDayOfMonth());
            position += usual - next.getDayOfMonth();
        }
        List<LocalDate> dates = new ArrayList<>();
        for (long slot = period.slot(next, position); ; slot++) {
            if (flow.pausedMonths().contains(period.month(slot, position))) {
                continue;
            }
            LocalDate date = period.date(slot, position);
            if (date.isAfter(last)) {
                return dates;
            }
            dates.add(date);
        }
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
