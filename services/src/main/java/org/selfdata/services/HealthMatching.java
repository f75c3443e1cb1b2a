package org.selfdata.services;

import org.selfdata.model.RecordId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Matches the insurers' credits to the payments for care they pay back, one credit at a time in the order they came,
 * the national insurance's before the mutual's on the same day.
 *
 * <p>The rule, from the usual French rates: the national insurance pays 70 % of the agreed fee less a flat
 * participation of 2 euros (1 euro before 2025), and the mutual pays the rest of the fee, 30 % of it, or part of it.
 * A credit may pay back payments made on its day or up to {@value #WINDOW_DAYS} days before, that the same insurer has
 * not paid yet, and never more than what the other insurer left of them. The national insurance's credit must lie
 * between {@value #LOWEST_NATIONAL_PERCENT} % of what was paid (a fee far above the agreed one) and 70 % of it plus
 * {@value #NATIONAL_SLACK_EUROS} euro per payment (rounding and older fees), or be the whole of it (long illness and
 * maternity are paid in full). Among the payments that fit, the credit goes to: for the mutual, payments the national
 * insurance has already paid before others, as the mutual is told by it; then one payment before several, as one
 * credit is read as covering several only when no single one fits; then the payments whose usual part is nearest the
 * credit; then the oldest. A credit covering several payments (at most {@value #MOST_ACTS}, among the
 * {@value #COMBINED_CANDIDATES} latest awaiting it) is split among them in proportion to what each left to pay back.
 */
final class HealthMatching {
    static final int WINDOW_DAYS = 60;
    static final int LOWEST_NATIONAL_PERCENT = 10;
    static final int NATIONAL_SLACK_EUROS = 1;
    static final int NEAR_TYPICAL_EUROS = 2;
    static final int MOST_ACTS = 3;
    static final int COMBINED_CANDIDATES = 12;
    /** How many credits paying one payment each make a usual delay of the person's own. */
    static final int ENOUGH_DELAYS = 3;
    private static final BigDecimal NATIONAL_RATE = new BigDecimal("0.70");
    private static final BigDecimal MUTUAL_RATE = new BigDecimal("0.30");
    private static final BigDecimal LOWEST_NATIONAL_RATE = BigDecimal.valueOf(LOWEST_NATIONAL_PERCENT, 2);
    private static final BigDecimal PARTICIPATION = new BigDecimal("2.00");
    private static final BigDecimal TENTH = new BigDecimal("0.10");
    private static final Map<HealthInsurer, Integer> TYPICAL_DAYS = Map.of(HealthInsurer.NATIONAL, 7, HealthInsurer.MUTUAL, 14);

    /** A payment for care, as read from a bank line. */
    record Payment(RecordId id, LocalDate day, String payee, HealthKind kind, BigDecimal paid) {
        Payment {
            requireNonNull(id, "id is null");
            requireNonNull(day, "day is null");
            requireNonNull(payee, "payee is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(paid, "paid is null");
        }
    }

    /**
     * A set of payments a credit could pay back, and how well it fits them.
     *
     * @param tier 1 for a mutual's credit on a payment the national insurance has not paid, 0 otherwise
     * @param distance how far the credit is from the part the usual rates give
     */
    private record Candidate(List<Integer> acts, int tier, BigDecimal distance, LocalDate oldest) {}

    private static final Comparator<Candidate> PREFERRED = Comparator.comparingInt(Candidate::tier)
            .thenComparingInt((Candidate candidate) -> candidate.acts().size()).thenComparing(Candidate::distance)
            .thenComparing(Candidate::oldest);

    private final List<Payment> payments;
    private final List<Map<HealthInsurer, HealthAct.Share>> shares = new ArrayList<>();
    private final List<HealthAct.Confidence> confidences = new ArrayList<>();
    private final List<HealthReport.Credit> unmatched = new ArrayList<>();

    /** @param payments oldest first */
    HealthMatching(List<Payment> payments) {
        this.payments = List.copyOf(payments);
        for (int index = 0; index < payments.size(); index++) {
            shares.add(new EnumMap<>(HealthInsurer.class));
            confidences.add(HealthAct.Confidence.HIGH);
        }
    }

    /** Matches each credit, in the order they came. */
    HealthMatching match(List<HealthReport.Credit> credits) {
        credits.stream().sorted(Comparator.comparing(HealthReport.Credit::day).thenComparing(HealthReport.Credit::insurer))
                .forEach(this::match);
        return this;
    }

    List<HealthReport.Credit> unmatched() {
        return List.copyOf(unmatched);
    }

    /** The usual delay of each insurer, national first: the person's own when they have enough, otherwise the typical one. */
    List<HealthReport.Usual> usual() {
        List<HealthReport.Usual> usual = new ArrayList<>();
        for (HealthInsurer insurer : HealthInsurer.values()) {
            List<Integer> days = shares.stream().map(byInsurer -> byInsurer.get(insurer))
                    .filter(share -> share != null && share.acts() == 1).map(HealthAct.Share::days).sorted().toList();
            usual.add(days.size() >= ENOUGH_DELAYS ? new HealthReport.Usual(insurer, days.get(days.size() / 2), true, days.size())
                    : new HealthReport.Usual(insurer, TYPICAL_DAYS.get(insurer), false, 0));
        }
        return usual;
    }

    /**
     * Each payment with what came back for it, as of a day.
     *
     * @param mutualSeen whether the person has a mutual insurance, whose part is then awaited too
     */
    List<HealthAct> acts(LocalDate asOf, boolean mutualSeen, List<HealthReport.Usual> usual) {
        List<HealthAct> acts = new ArrayList<>();
        for (int index = 0; index < payments.size(); index++) {
            Payment payment = payments.get(index);
            Map<HealthInsurer, HealthAct.Share> found = shares.get(index);
            List<HealthInsurer> missing = new ArrayList<>();
            for (HealthInsurer insurer : HealthInsurer.values()) {
                if (!found.containsKey(insurer) && (insurer == HealthInsurer.NATIONAL || mutualSeen)) {
                    missing.add(insurer);
                }
            }
            BigDecimal back = found.values().stream().map(HealthAct.Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            HealthAct.Status status = missing.isEmpty() ? HealthAct.Status.REIMBURSED
                    : found.isEmpty() ? HealthAct.Status.NOT_YET : HealthAct.Status.PARTLY;
            Optional<HealthAct.Waiting> waiting = Optional.empty();
            if (!missing.isEmpty()) {
                int days = (int) Math.max(0, ChronoUnit.DAYS.between(payment.day(), asOf));
                boolean late = !payment.kind().usuallyPaidDirectly() && usual.stream()
                        .anyMatch(delay -> missing.contains(delay.insurer()) && days > 2 * delay.days());
                waiting = Optional.of(new HealthAct.Waiting(missing, days, late, days > WINDOW_DAYS));
            }
            acts.add(new HealthAct(payment.id(), payment.day(), payment.payee(), payment.kind(), payment.paid(),
                    Optional.ofNullable(found.get(HealthInsurer.NATIONAL)), Optional.ofNullable(found.get(HealthInsurer.MUTUAL)),
                    payment.paid().subtract(back), status, waiting,
                    found.isEmpty() ? Optional.empty() : Optional.of(confidences.get(index))));
        }
        return acts;
    }

    private void match(HealthReport.Credit credit) {
        List<Integer> awaiting = new ArrayList<>();
        for (int index = 0; index < payments.size(); index++) {
            Payment payment = payments.get(index);
            long days = ChronoUnit.DAYS.between(payment.day(), credit.day());
            if (days >= 0 && days <= WINDOW_DAYS && !shares.get(index).containsKey(credit.insurer())
                    && left(index, credit.insurer()).signum() > 0) {
                awaiting.add(index);
            }
        }
        Optional<Candidate> best = Optional.empty();
        List<Integer> latest = awaiting.subList(Math.max(0, awaiting.size() - COMBINED_CANDIDATES), awaiting.size());
        for (List<Integer> acts : sets(awaiting, latest)) {
            Optional<Candidate> candidate = candidate(credit, acts);
            if (candidate.isPresent() && (best.isEmpty() || better(candidate.get(), best.get()))) {
                best = candidate;
            }
        }
        best.ifPresentOrElse(chosen -> give(credit, chosen), () -> unmatched.add(credit));
    }

    /** Each payment alone, then each set of two or three of the latest. */
    private static List<List<Integer>> sets(List<Integer> awaiting, List<Integer> latest) {
        List<List<Integer>> sets = new ArrayList<>();
        awaiting.forEach(index -> sets.add(List.of(index)));
        for (int first = 0; first < latest.size(); first++) {
            for (int second = first + 1; second < latest.size(); second++) {
                sets.add(List.of(latest.get(first), latest.get(second)));
                for (int third = second + 1; third < latest.size(); third++) {
                    sets.add(List.of(latest.get(first), latest.get(second), latest.get(third)));
                }
            }
        }
        return sets;
    }

    private static boolean better(Candidate candidate, Candidate best) {
        return PREFERRED.compare(candidate, best) < 0;
    }

    private Optional<Candidate> candidate(HealthReport.Credit credit, List<Integer> acts) {
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal left = BigDecimal.ZERO;
        BigDecimal typical = BigDecimal.ZERO;
        int tier = 0;
        for (int index : acts) {
            paid = paid.add(payments.get(index).paid());
            left = left.add(left(index, credit.insurer()));
            typical = typical.add(typical(index, credit.insurer()));
            if (credit.insurer() == HealthInsurer.MUTUAL && !shares.get(index).containsKey(HealthInsurer.NATIONAL)) {
                tier = 1;
            }
        }
        BigDecimal amount = credit.amount();
        boolean fits = amount.compareTo(left) <= 0;
        if (credit.insurer() == HealthInsurer.NATIONAL) {
            BigDecimal most = paid.multiply(NATIONAL_RATE).add(BigDecimal.valueOf((long) NATIONAL_SLACK_EUROS * acts.size()));
            fits = fits && amount.compareTo(paid.multiply(LOWEST_NATIONAL_RATE)) >= 0
                    && (amount.compareTo(most) <= 0 || amount.compareTo(paid) == 0);
        }
        return fits ? Optional.of(new Candidate(acts, tier, amount.subtract(typical).abs(), payments.get(acts.getFirst()).day()))
                : Optional.empty();
    }

    /** What the insurer's part of a payment usually is: 70 % less the participation, or the rest up to 30 %. */
    private BigDecimal typical(int index, HealthInsurer insurer) {
        BigDecimal paid = payments.get(index).paid();
        return insurer == HealthInsurer.NATIONAL ? paid.multiply(NATIONAL_RATE).subtract(PARTICIPATION).max(BigDecimal.ZERO)
                : left(index, insurer).min(paid.multiply(MUTUAL_RATE));
    }

    /** What a payment leaves for the insurer to pay back: what was paid less the other insurer's part. */
    private BigDecimal left(int index, HealthInsurer insurer) {
        BigDecimal paid = payments.get(index).paid();
        return shares.get(index).entrySet().stream().filter(entry -> entry.getKey() != insurer)
                .map(entry -> entry.getValue().amount()).reduce(paid, BigDecimal::subtract);
    }

    private void give(HealthReport.Credit credit, Candidate chosen) {
        BigDecimal weights = chosen.acts().stream().map(index -> left(index, credit.insurer()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal given = BigDecimal.ZERO;
        for (int position = 0; position < chosen.acts().size(); position++) {
            int index = chosen.acts().get(position);
            Payment payment = payments.get(index);
            BigDecimal amount = position == chosen.acts().size() - 1 ? credit.amount().subtract(given)
                    : credit.amount().multiply(left(index, credit.insurer())).divide(weights, 2, RoundingMode.HALF_EVEN);
            given = given.add(amount);
            HealthAct.Confidence confidence = chosen.tier() > 0 ? HealthAct.Confidence.LOW
                    : chosen.acts().size() > 1 || !near(amount, typical(index, credit.insurer()), payment.paid())
                            ? HealthAct.Confidence.MEDIUM : HealthAct.Confidence.HIGH;
            if (confidence.compareTo(confidences.get(index)) > 0) {
                confidences.set(index, confidence);
            }
            shares.get(index).put(credit.insurer(), new HealthAct.Share(credit.id(), credit.day(), credit.payee(), amount,
                    credit.amount(), chosen.acts().size(), (int) ChronoUnit.DAYS.between(payment.day(), credit.day())));
        }
    }

    private static boolean near(BigDecimal amount, BigDecimal typical, BigDecimal paid) {
        return amount.subtract(typical).abs().compareTo(BigDecimal.valueOf(NEAR_TYPICAL_EUROS).max(paid.multiply(TENTH))) <= 0;
    }
}
