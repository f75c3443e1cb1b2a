package org.selfdata.services;

import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Where a person's income comes from: the payers whose credits arrive around the same day of the month, month after
 * month, as pay, grants and allowances do; a reimbursement now and then does not. Transfers between the person's own
 * accounts are no income.
 */
final class RevealIncome {
    /** Words French and English banks print on pay: what tells an employer from another payer. */
    private static final Pattern PAY = Pattern.compile("\\b(SALAIRE|SALAIRES|SALARY|PAIE|PAYROLL|WAGES|REMUNERATION)\\b");

    /** Who credits the account, in which currency. */
    private record Payer(String payee, String currency) {}

    /** A payer's credits on time, around its usual day. */
    private record Regular(String payer, String currency, int day, List<RevealMoney.Line> onTime, long spanned,
            boolean pay) {
        Set<YearMonth> months() {
            return RevealMoney.months(onTime);
        }

        BigDecimal total() {
            return onTime.stream().map(line -> line.line().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** The middle amount of the credits on time, to the unit: the lower middle of an even number of them. */
        BigDecimal usualAmount() {
            List<BigDecimal> amounts = onTime.stream().map(line -> line.line().amount()).sorted().toList();
            return amounts.get((amounts.size() - 1) / 2).setScale(0, RoundingMode.HALF_UP);
        }
    }

    private final RevealMoneySettings settings;
    private final List<RevealMoney.Line> credits;

    RevealIncome(RevealMoneySettings settings, List<RevealMoney.Line> inOrder) {
        this.settings = requireNonNull(settings, "settings is null");
        Set<Integer> own = MoneyLine.ownTransfers(inOrder.stream().map(RevealMoney.Line::line).toList());
        List<RevealMoney.Line> incoming = new ArrayList<>();
        for (int index = 0; index < inOrder.size(); index++) {
            if (inOrder.get(index).line().amount().signum() > 0 && !own.contains(index)) {
                incoming.add(inOrder.get(index));
            }
        }
        this.credits = incoming;
    }

    List<RevealFinding> findings() {
        if (credits.isEmpty()) {
            return List.of(RevealFinding.unknown(RevealFinding.Kind.INCOME, Wording.of("reveal.money.income.none")));
        }
        Map<Payer, List<RevealMoney.Line>> byPayer = credits.stream().collect(Collectors.groupingBy(
                line -> new Payer(line.line().payee(), line.line().currency()), LinkedHashMap::new, Collectors.toList()));
        List<Regular> candidates = byPayer.values().stream().map(this::regular).toList();
        List<RevealFinding> found = candidates.stream()
                .filter(regular -> regular.months().size() >= settings.minimumMonths()
                        && share(regular) >= settings.minimumShare())
                .sorted(Comparator.comparing(Regular::total).reversed().thenComparing(Regular::payer))
                .map(this::finding)
                .toList();
        if (found.isEmpty()) {
            int most = candidates.stream().mapToInt(regular -> regular.months().size()).max().orElseThrow();
            return List.of(RevealFinding.unknown(RevealFinding.Kind.INCOME,
                    Wording.of("reveal.money.income.few", most, settings.minimumMonths(),
                            (int) Math.round(settings.minimumShare() * 100))));
        }
        return found;
    }

    /** A payer's usual day, the most frequent day of the month of its credits (the earliest among equals). */
    private Regular regular(List<RevealMoney.Line> paid) {
        Map<Integer, Long> days = paid.stream().collect(Collectors.groupingBy(line -> line.day().getDayOfMonth(),
                TreeMap::new, Collectors.counting()));
        int day = days.entrySet().stream().max(Map.Entry.<Integer, Long>comparingByValue()
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).orElseThrow().getKey();
        List<RevealMoney.Line> onTime = paid.stream()
                .filter(line -> Math.abs(line.day().getDayOfMonth() - day) <= settings.dayTolerance()).toList();
        long spanned = ChronoUnit.MONTHS.between(paid.getFirst().month(), paid.getLast().month()) + 1;
        boolean pay = paid.stream().anyMatch(line -> PAY.matcher(MoneyCategory.normalized(line.words())).find());
        return new Regular(paid.getFirst().line().payee(), paid.getFirst().line().currency(), day, onTime, spanned, pay);
    }

    private static double share(Regular regular) {
        return (double) regular.months().size() / regular.spanned();
    }

    private RevealFinding finding(Regular regular) {
        Wording says = Wording.of(regular.pay() ? "reveal.money.income.pay" : "reveal.money.income.regular",
                regular.payer(), regular.usualAmount(), regular.currency(), regular.day(), regular.months().size());
        return RevealFinding.found(RevealFinding.Kind.INCOME, says, settings.confidence(share(regular)),
                RevealMoney.evidence(regular.onTime(), regular.months().size(), regular.spanned(),
                        RevealEvidence.Unit.MONTHS), Optional.empty());
    }
}
