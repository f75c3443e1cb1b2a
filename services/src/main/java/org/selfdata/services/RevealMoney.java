package org.selfdata.services;

import org.selfdata.model.BankTransaction;
import org.selfdata.model.RecordId;
import org.selfdata.model.StoredRecord;
import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import java.util.TreeSet;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * What a person's bank transactions reveal, gathered in one pass: where they shop and eat and how often, where their
 * income comes from, what they spend on health each year, and the payees that may reveal a special category of data.
 * A statement holds a few thousand lines a year: each is kept, in short, until the conclusions are drawn.
 */
final class RevealMoney {
    /**
     * A bank line in short, with the record it is and the category {@link MoneyCategory}'s table gives it.
     *
     * @param words the line's label and counterparty, as the bank printed them
     */
    record Line(RecordId id, MoneyLine line, MoneyCategory category, String words) {
        LocalDate day() {
            return line.day();
        }

        YearMonth month() {
            return YearMonth.from(line.day());
        }
    }

    private final RevealMoneySettings settings;
    private final List<Line> lines = new ArrayList<>();

    RevealMoney(RevealMoneySettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    void add(StoredRecord record) {
        if (record.payload() instanceof BankTransaction transaction) {
            add(record.id(), transaction);
        }
    }

    void add(RecordId id, BankTransaction transaction) {
        String words = transaction.label() + " " + transaction.counterparty().orElse("");
        // The table's guess, not the bank's category: banks name theirs each in its own words.
        MoneyCategory category = MoneyCategory.guess(words, transaction.amount().signum() > 0);
        lines.add(new Line(id, MoneyLine.of(transaction), category, words));
    }

    RevealedSource source() {
        List<Line> inOrder = lines.stream().sorted(Comparator.comparing(Line::day)).toList();
        Set<YearMonth> months = inOrder.stream().map(Line::month).collect(Collectors.toCollection(TreeSet::new));
        List<RevealFinding> findings = new ArrayList<>();
        findings.addAll(paidOften(RevealFinding.Kind.SHOP, MoneyCategory.GROCERIES, inOrder, months.size()));
        findings.addAll(paidOften(RevealFinding.Kind.EATING, MoneyCategory.EATING_OUT, inOrder, months.size()));
        findings.addAll(new RevealIncome(settings, inOrder).findings());
        findings.addAll(health(inOrder, months));
        findings.addAll(special(inOrder));
        return new RevealedSource(RevealedSource.Source.MONEY, lines.size(), findings);
    }

    /** The payees of a category most often paid, among those paid in enough distinct months. */
    private List<RevealFinding> paidOften(RevealFinding.Kind kind, MoneyCategory category, List<Line> inOrder,
            int monthsRecorded) {
        Map<String, List<Line>> byPayee = byPayee(inOrder.stream()
                .filter(line -> line.category() == category && line.line().amount().signum() < 0).toList());
        String key = "reveal.money." + kind.term();
        if (byPayee.isEmpty()) {
            return List.of(RevealFinding.unknown(kind, Wording.of(key + ".none")));
        }
        List<RevealFinding> found = byPayee.entrySet().stream()
                .filter(payee -> months(payee.getValue()).size() >= settings.minimumMonths())
                .sorted(Comparator.comparingInt((Map.Entry<String, List<Line>> payee) -> -payee.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(settings.payeesShown())
                .map(payee -> paidOften(kind, payee.getKey(), payee.getValue(), monthsRecorded))
                .toList();
        if (found.isEmpty()) {
            int most = byPayee.values().stream().mapToInt(paid -> months(paid).size()).max().orElseThrow();
            return List.of(RevealFinding.unknown(kind, Wording.of(key + ".few", most, settings.minimumMonths())));
        }
        return found;
    }

    private RevealFinding paidOften(RevealFinding.Kind kind, String payee, List<Line> paid, int monthsRecorded) {
        Set<YearMonth> seen = months(paid);
        long spanned = ChronoUnit.MONTHS.between(paid.getFirst().month(), paid.getLast().month()) + 1;
        long perMonth = Math.max(1, Math.round((double) paid.size() / spanned));
        String key = "reveal.money." + kind.term();
        return RevealFinding.found(kind, Wording.of(key, payee, perMonth, seen.size()),
                settings.confidence((double) seen.size() / monthsRecorded),
                evidence(paid, seen.size(), monthsRecorded, RevealEvidence.Unit.MONTHS), Optional.empty());
    }

    /** A year's spending in one currency. */
    private record Year(int year, String currency) {}

    /** Each year's health spending, in each currency: how much, in how many payments, to whom. */
    private List<RevealFinding> health(List<Line> inOrder, Set<YearMonth> months) {
        List<Line> care = inOrder.stream()
                .filter(line -> line.category() == MoneyCategory.HEALTH && line.line().amount().signum() < 0).toList();
        if (care.isEmpty()) {
            long payments = inOrder.stream().filter(line -> line.line().amount().signum() < 0).count();
            return List.of(RevealFinding.unknown(RevealFinding.Kind.HEALTH,
                    Wording.of("reveal.money.health.none", payments)));
        }
        Map<Year, List<Line>> byYear = care.stream().collect(Collectors.groupingBy(
                line -> new Year(line.day().getYear(), line.line().currency()), LinkedHashMap::new, Collectors.toList()));
        return byYear.entrySet().stream().map(year -> {
            int number = year.getKey().year();
            List<Line> paid = year.getValue();
            BigDecimal total = paid.stream().map(line -> line.line().spending()).reduce(BigDecimal.ZERO, BigDecimal::add);
            String payees = byPayee(paid).entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, List<Line>> payee) -> -payee.getValue().size())
                            .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey).collect(Collectors.joining(", "));
            long recorded = months.stream().filter(month -> month.getYear() == number).count();
            return RevealFinding.found(RevealFinding.Kind.HEALTH, Wording.of("reveal.money.health",
                    Integer.toString(number), total, year.getKey().currency(), paid.size(), byPayee(paid).size(), payees,
                    recorded), settings.confidence(recorded / 12.0),
                    evidence(paid, recorded, 12, RevealEvidence.Unit.MONTHS), Optional.empty());
        }).toList();
    }

    /** A payee whose name names a special category, with the lines paying it or paid by it. */
    private record Special(RevealSpecialCategory category, String payee, List<Line> lines) {}

    /** The payees, paying or paid, whose names name a special category of data: by category, most lines first. */
    private List<RevealFinding> special(List<Line> inOrder) {
        List<RevealFinding> found = byPayee(inOrder).entrySet().stream()
                .flatMap(payee -> RevealSpecialCategory.of(payee.getKey()).stream()
                        .map(category -> new Special(category, payee.getKey(), payee.getValue())))
                .sorted(Comparator.comparing(Special::category)
                        .thenComparing(special -> -special.lines().size()).thenComparing(Special::payee))
                .map(special -> RevealFinding.found(RevealFinding.Kind.SPECIAL, Wording.of("reveal.money.special",
                        special.payee(), special.lines().size(), months(special.lines()).size(),
                        special.category().wording()), RevealConfidence.READ, evidence(special.lines(),
                        special.lines().size(), inOrder.size(), RevealEvidence.Unit.TRANSACTIONS),
                        Optional.of(special.category())))
                .toList();
        return found.isEmpty() ? List.of(RevealFinding.unknown(RevealFinding.Kind.SPECIAL,
                Wording.of("reveal.money.special.none", inOrder.size()))) : found;
    }

    static Map<String, List<Line>> byPayee(List<Line> lines) {
        return lines.stream().collect(Collectors.groupingBy(line -> line.line().payee(), TreeMap::new,
                Collectors.toList()));
    }

    static Set<YearMonth> months(List<Line> lines) {
        return lines.stream().map(Line::month).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The evidence of lines in date order: their first and last days and the first of them. */
    static RevealEvidence evidence(List<Line> lines, long count, long outOf, RevealEvidence.Unit unit) {
        return new RevealEvidence(count, outOf, unit, Optional.of(lines.getFirst().day()),
                Optional.of(lines.getLast().day()),
                lines.stream().map(Line::id).limit(RevealEvidence.RECORDS).toList());
    }
}
