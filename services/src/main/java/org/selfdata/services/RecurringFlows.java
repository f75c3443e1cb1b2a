package org.selfdata.services;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What comes back in a person's bank lines, as of a day: the flows found, and the payees seen only twice at an interval
 * that could be a schedule, which are too few to call one.
 *
 * @param since the earliest bank line read, when there is one
 * @param asOf the day the lines were read up to: the latest line's, unless an earlier day was asked
 * @param dismissed the flows the person said do not come back: out of {@code flows} and of the forecast, listed so that
 *        the person can take that back
 */
public record RecurringFlows(Optional<LocalDate> since, LocalDate asOf, List<RecurringFlow> flows, List<Unsure> unsure,
        List<RecurringFlow> dismissed) {
    /** Three monthly payments need two months between the first and the last. */
    public static final int ENOUGH_DAYS = 60;

    public RecurringFlows {
        requireNonNull(since, "since is null");
        requireNonNull(asOf, "asOf is null");
        flows = List.copyOf(flows);
        unsure = List.copyOf(unsure);
        dismissed = List.copyOf(dismissed);
    }

    /** As found, before the person said anything of them. */
    public RecurringFlows(Optional<LocalDate> since, LocalDate asOf, List<RecurringFlow> flows, List<Unsure> unsure) {
        this(since, asOf, flows, unsure, List.of());
    }

    /** Whether the lines span enough days to see a monthly payment come three times. */
    public boolean enoughHistory() {
        return since.filter(first -> ChronoUnit.DAYS.between(first, asOf) >= ENOUGH_DAYS).isPresent();
    }

    /** A payee paid twice, or paid by twice, at an interval that fits the period: maybe a schedule, too early to say. */
    public record Unsure(String payee, String currency, boolean income, RecurringPeriod period,
            List<RecurringFlow.Occurrence> occurrences) {
        public Unsure {
            requireNonNull(payee, "payee is null");
            requireNonNull(currency, "currency is null");
            requireNonNull(period, "period is null");
            occurrences = List.copyOf(occurrences);
        }
    }
}
