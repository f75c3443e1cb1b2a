package org.selfdata.services;

import org.selfdata.model.RecordId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A person's spending on care over a period and what their insurers paid back, in euros, as French insurers pay.
 *
 * @param since the earliest bank line read, when there is one
 * @param asOf the day the lines were read up to: the latest line's, at most {@value HealthMatching#WINDOW_DAYS} days
 *        past the period, so that what came back for its last payments is seen
 * @param enoughHistory whether the lines span {@value RecurringFlows#ENOUGH_DAYS} days or more; with fewer, a payment
 *        without its credit may simply be too recent or its credit too old to be read
 * @param mutualSeen whether a mutual insurance paid or was paid in the lines read: without one, only the national
 *        insurance's part is awaited
 * @param usual how long each insurer usually takes to pay back, national first
 * @param acts the period's payments for care, oldest first
 * @param unmatched the period's credits from insurers matched to no payment: care paid before the lines begin, paid
 *        by someone else, or paid in a way the matching does not see
 */
public record HealthReport(MoneyPeriod period, Optional<LocalDate> since, LocalDate asOf, boolean enoughHistory,
        boolean mutualSeen, List<Usual> usual, List<HealthAct> acts, List<Credit> unmatched, Totals totals,
        Premiums premiums) {
    public HealthReport {
        requireNonNull(period, "period is null");
        requireNonNull(since, "since is null");
        requireNonNull(asOf, "asOf is null");
        usual = List.copyOf(usual);
        acts = List.copyOf(acts);
        unmatched = List.copyOf(unmatched);
        requireNonNull(totals, "totals is null");
        requireNonNull(premiums, "premiums is null");
    }

    /**
     * How many days after a payment an insurer's credit usually comes.
     *
     * @param fromHistory true when it is the median of the person's own credits that paid one payment each, from
     *        {@value HealthMatching#ENOUGH_DELAYS} of them or more; false when it is the usual figure in France (about
     *        a week for the national insurance with a carte Vitale, two for a mutual), which is typical, not a promise
     * @param from how many of the person's credits it comes from, 0 when it is the usual figure
     */
    public record Usual(HealthInsurer insurer, int days, boolean fromHistory, int from) {
        public Usual {
            requireNonNull(insurer, "insurer is null");
        }
    }

    /** A credit from an insurer, or a premium's debit, its amount positive. */
    public record Credit(RecordId id, LocalDate day, String payee, HealthInsurer insurer, BigDecimal amount) {
        public Credit {
            requireNonNull(id, "id is null");
            requireNonNull(day, "day is null");
            requireNonNull(payee, "payee is null");
            requireNonNull(insurer, "insurer is null");
            requireNonNull(amount, "amount is null");
        }
    }

    /**
     * The period's payments for care added up.
     *
     * @param waiting how many still await a part, leaving out the pharmacies, laboratories and hospitals nothing came
     *        back from, as the insurers usually pay them directly
     * @param longerThanUsual how many of those have waited longer than usual
     */
    public record Totals(int acts, BigDecimal paid, BigDecimal national, BigDecimal mutual, BigDecimal remaining, int waiting,
            int longerThanUsual) {
        public Totals {
            requireNonNull(paid, "paid is null");
            requireNonNull(national, "national is null");
            requireNonNull(mutual, "mutual is null");
            requireNonNull(remaining, "remaining is null");
        }
    }

    /**
     * What the mutual insurance cost over the twelve months that end with the period's last, against what it paid back
     * over the same months, whichever payment it was for.
     *
     * @param payees each mutual debited, the most paid first
     * @param paid all the premiums
     * @param reimbursed all the mutual's credits
     * @param reimbursements the mutual's credits, oldest first
     */
    public record Premiums(YearMonth from, YearMonth to, List<Premium> payees, BigDecimal paid, BigDecimal reimbursed,
            List<Credit> reimbursements) {
        public Premiums {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
            payees = List.copyOf(payees);
            requireNonNull(paid, "paid is null");
            requireNonNull(reimbursed, "reimbursed is null");
            reimbursements = List.copyOf(reimbursements);
        }
    }

    /**
     * The premiums one mutual took.
     *
     * @param typical the middle of its debits: the higher of the two middle ones when their number is even
     * @param debits its debits, oldest first
     */
    public record Premium(String payee, int payments, BigDecimal typical, BigDecimal total, List<Credit> debits) {
        public Premium {
            requireNonNull(payee, "payee is null");
            requireNonNull(typical, "typical is null");
            requireNonNull(total, "total is null");
            debits = List.copyOf(debits);
        }
    }
}
