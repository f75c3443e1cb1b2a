package org.selfdata.services;

import org.selfdata.model.RecordId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Money that goes to, or comes from, the same payee again and again on a schedule: a subscription, a bill, rent, pay, a
 * grant. Amounts are positive whichever way the money goes; {@code income} tells the way.
 *
 * <p>What a forecast needs is here: the period, the amount to expect ({@code typical}, from the payments since the
 * latest price change in the last year) and how far it strays ({@code lowest} to {@code highest}), the next date, and
 * the months of the year the flow pauses, such as a grant paid from September to June.
 *
 * @param recent how many of the latest payments {@code typical}, {@code lowest} and {@code highest} come from
 * @param next the date the next payment is expected, from the latest one: a payment made early is counted as the one
 *        it replaced, so the bill it paid is not shown as still due
 * @param pausedMonths months of the year the flow skipped each time they came round, two or more in a row, which the next
 *        date skips too
 * @param occurrences the payments that follow the schedule, oldest first; the payee's other lines are not in it
 * @param priceChanges steps in the amount that lasted, oldest first
 */
public record RecurringFlow(String payee, String currency, boolean income, RecurringPeriod period, BigDecimal typical,
        BigDecimal lowest, BigDecimal highest, int recent, LocalDate last, LocalDate next, Status status, Set<Month> pausedMonths,
        List<Occurrence> occurrences, List<PriceChange> priceChanges, Confidence confidence) {
    public RecurringFlow {
        requireNonNull(payee, "payee is null");
        requireNonNull(currency, "currency is null");
        requireNonNull(period, "period is null");
        requireNonNull(typical, "typical is null");
        requireNonNull(lowest, "lowest is null");
        requireNonNull(highest, "highest is null");
        requireNonNull(last, "last is null");
        requireNonNull(next, "next is null");
        requireNonNull(status, "status is null");
        pausedMonths = Set.copyOf(pausedMonths);
        occurrences = List.copyOf(occurrences);
        priceChanges = List.copyOf(priceChanges);
        requireNonNull(confidence, "confidence is null");
    }

    /** Where the flow stands on the day the statements were read to. */
    public enum Status {
        /** The next payment is not yet late. */
        EXPECTED,
        /** The next payment is later than the period's tolerance allows, but not yet long enough to call the flow ended. */
        LATE,
        /** Nothing came for one and a half periods past the expected date. */
        ENDED;

        public String term() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One payment of the flow: the bank line it is, its booking day, and its amount, positive. */
    public record Occurrence(RecordId id, LocalDate day, BigDecimal amount) {
        public Occurrence {
            requireNonNull(id, "id is null");
            requireNonNull(day, "day is null");
            requireNonNull(amount, "amount is null");
        }
    }

    /** The amount went from {@code before} to {@code after} with the payment of {@code from}, and stayed there. */
    public record PriceChange(LocalDate from, RecordId first, BigDecimal before, BigDecimal after) {
        public PriceChange {
            requireNonNull(from, "from is null");
            requireNonNull(first, "first is null");
            requireNonNull(before, "before is null");
            requireNonNull(after, "after is null");
        }
    }

    /**
     * How sure the flow is: {@code score} from 0 to 1 grows with the number of payments (up to the period's enough: eight
     * weeks, six months, four quarters, three years), with the share of the schedule's dates that had their payment, and
     * and, half as much, with how steady the amounts are: an energy bill that follows the seasons still comes every month.
     *
     * @param expected the schedule's dates from the first payment to the latest, paused months left out
     * @param onSchedule how many of them had their payment
     * @param spread the amounts' median distance from their middle, as a share of it: 0 for a fixed price
     */
    public record Confidence(double score, Level level, int expected, int onSchedule, double spread) {
        public Confidence {
            requireNonNull(level, "level is null");
        }

        /** In words: high from 0.75, medium from 0.5, low below; a low one is shown as a possibility, not a fact. */
        public enum Level {
            HIGH, MEDIUM, LOW;

            public String term() {
                return name().toLowerCase(Locale.ROOT);
            }

            static Level of(double score) {
                return score >= 0.75 ? HIGH : score >= 0.5 ? MEDIUM : LOW;
            }
        }
    }
}
