package org.selfdata.services;

import org.selfdata.model.RecordId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A payment for care and what came back for it: from the national health insurance, from the mutual insurance, and
 * what remained for the person. Amounts are positive.
 *
 * @param id the bank line of the payment
 * @param day the day it was paid: the card's day when the statement gives it, otherwise the booking day
 * @param national the national health insurance's part, when a credit of it was matched to this payment
 * @param mutual the mutual insurance's part, when a credit of it was matched to this payment
 * @param remaining what was paid less what came back so far
 * @param waiting what is still expected, when something is
 * @param confidence how sure the matching is, when something was matched
 */
public record HealthAct(RecordId id, LocalDate day, String payee, HealthKind kind, BigDecimal paid, Optional<Share> national,
        Optional<Share> mutual, BigDecimal remaining, Status status, Optional<Waiting> waiting,
        Optional<Confidence> confidence) {
    public HealthAct {
        requireNonNull(id, "id is null");
        requireNonNull(day, "day is null");
        requireNonNull(payee, "payee is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(paid, "paid is null");
        requireNonNull(national, "national is null");
        requireNonNull(mutual, "mutual is null");
        requireNonNull(remaining, "remaining is null");
        requireNonNull(status, "status is null");
        requireNonNull(waiting, "waiting is null");
        requireNonNull(confidence, "confidence is null");
    }

    /** The part of one insurer's credit that went to this payment. */
    public Optional<Share> share(HealthInsurer insurer) {
        return insurer == HealthInsurer.NATIONAL ? national : mutual;
    }

    /** Where the payment stands on the day the statements were read to. */
    public enum Status {
        /** Each insurer the person has paid its part. */
        REIMBURSED,
        /** One insurer paid its part, the other not yet. */
        PARTLY,
        /** Nothing came back yet. */
        NOT_YET;

        public String term() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The part of an insurer's credit that went to this payment.
     *
     * @param credit the bank line of the credit
     * @param amount this payment's part of it: the whole credit when it paid this one alone
     * @param creditAmount the whole credit
     * @param acts how many payments the credit was matched to: its amount is split among them in proportion to what
     *        each left to reimburse
     * @param days how many days after the payment the credit came
     */
    public record Share(RecordId credit, LocalDate day, String payee, BigDecimal amount, BigDecimal creditAmount, int acts,
            int days) {
        public Share {
            requireNonNull(credit, "credit is null");
            requireNonNull(day, "day is null");
            requireNonNull(payee, "payee is null");
            requireNonNull(amount, "amount is null");
            requireNonNull(creditAmount, "creditAmount is null");
        }
    }

    /**
     * What has not come back yet, and for how long it has been awaited.
     *
     * @param from the insurers whose part is still missing
     * @param days how many days since the payment
     * @param longerThanUsual whether that is more than twice the usual delay of an insurer still missing; never said of a
     *        pharmacy, a laboratory or a hospital, whose care the insurers usually pay directly
     * @param givenUp whether the payment is older than the {@value HealthMatching#WINDOW_DAYS} days a credit is looked
     *        for: whatever comes after is not matched to it
     */
    public record Waiting(List<HealthInsurer> from, int days, boolean longerThanUsual, boolean givenUp) {
        public Waiting {
            from = List.copyOf(from);
        }
    }

    /**
     * How sure the matching is. High: each credit went to this payment alone, within
     * {@value HealthMatching#NEAR_TYPICAL_EUROS} euros or a tenth of the payment of the part the usual rates give.
     * Medium: a credit was split among several payments, or strays further from the usual rates while within their
     * tolerance. Low: the mutual's credit went to a payment the national insurance had not paid, which the mutual
     * usually pays after it.
     */
    public enum Confidence {
        HIGH, MEDIUM, LOW;

        public String term() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
