package org.selfdata.services;

import org.selfdata.model.RecordId;
import org.selfdata.model.RecurringCorrection;
import org.selfdata.model.RecurringVerdict;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
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
 * @param yours what the person said of the flow and holds now, when they said something: already applied to the
 *        status (ended) and the confidence (confirmed), and giving the {@link #name()} shown
 */
public record RecurringFlow(String payee, String currency, boolean income, RecurringPeriod period, BigDecimal typical,
        BigDecimal lowest, BigDecimal highest, int recent, LocalDate last, LocalDate next, Status status, Set<Month> pausedMonths,
        List<Occurrence> occurrences, List<PriceChange> priceChanges, Confidence confidence,
        Optional<RecurringCorrection> yours) {
    /** As found in the bank lines, before the person said anything of it. */
    public RecurringFlow(String payee, String currency, boolean income, RecurringPeriod period, BigDecimal typical,
            BigDecimal lowest, BigDecimal highest, int recent, LocalDate last, LocalDate next, Status status,
            Set<Month> pausedMonths, List<Occurrence> occurrences, List<PriceChange> priceChanges, Confidence confidence) {
        this(payee, currency, income, period, typical, lowest, highest, recent, last, next, status, pausedMonths, occurrences,
                priceChanges, confidence, Optional.empty());
    }

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
        requireNonNull(yours, "yours is null");
    }

    /**
     * What the person's corrections know the flow by, the same each time the flows are found again: the first 16
     * hexadecimal digits of the SHA-256 of its payee as {@link MoneyPayee} cleans the label, its currency and its
     * direction. The payee's lines make one flow at most in a currency and a direction, so the key tells it apart; the
     * period and the amounts are left out, since more lines may find them otherwise (a bill that turns out quarterly,
     * a price change) while it stays the same payment.
     */
    public String key() {
        return key(payee, currency, income);
    }

    static String key(String payee, String currency, boolean income) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((payee + '\u0000' + currency + '\u0000'
                    + (income ? "income" : "spending")).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The person's own name for the flow when they gave one, else its payee. */
    public String name() {
        return yours.flatMap(RecurringCorrection::name).orElse(payee);
    }

    /** Whether the person said it comes back: shown as certain. */
    public boolean confirmed() {
        return yours.filter(correction -> correction.verdict() == RecurringVerdict.CONFIRMED).isPresent();
    }

    /**
     * The flow with what the person said of it: ended, it ends, whatever the dates say; confirmed, it is sure (a score
     * of 1), the counts it was measured on kept.
     */
    RecurringFlow correctedBy(RecurringCorrection correction) {
        Status corrected = correction.verdict() == RecurringVerdict.ENDED ? Status.ENDED : status;
        Confidence sure = correction.verdict() == RecurringVerdict.CONFIRMED
                ? new Confidence(1.0, Confidence.Level.HIGH, confidence.expected(), confidence.onSchedule(), confidence.spread())
                : confidence;
        return new RecurringFlow(payee, currency, income, period, typical, lowest, highest, recent, last, next, corrected,
                pausedMonths, occurrences, priceChanges, sure, Optional.of(correction));
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
