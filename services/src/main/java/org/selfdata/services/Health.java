package org.selfdata.services;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.StoredRecord;

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
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Spending on care and what the insurers paid back, from a person's bank lines as the gate gives them to their owner:
 * payments to doctors, pharmacies, dentists, opticians, laboratories and hospitals, each with the national health
 * insurance's and the mutual insurance's credits matched to it ({@link HealthMatching} says the rule), what remained,
 * and what is still awaited and for how long; apart, what the mutual insurance cost over a year against what it paid.
 *
 * <p>Only lines in euros are read, as French insurers pay in euros. The lines read reach {@value HealthMatching#WINDOW_DAYS}
 * days past the period, so that the credits for its last payments are seen, and as far before it, so that a credit at
 * its start is not taken for a payment of its own.
 */
public final class Health {
    static final String CURRENCY = "EUR";
    /** How many days before a credit the payments it may pay back were made. */
    public static final int WINDOW_DAYS = HealthMatching.WINDOW_DAYS;
    /** How many days the lines must span for a payment without its credit to say something. */
    public static final int ENOUGH_DAYS = RecurringFlows.ENOUGH_DAYS;

    private final Gate gate;

    public Health(Gate gate) {
        this.gate = requireNonNull(gate, "gate is null");
    }

    public HealthReport report(Person person, MoneyPeriod period) {
        YearMonth yearFrom = period.to().minusMonths(11);
        LocalDate first = (yearFrom.isBefore(period.from()) ? yearFrom.atDay(1) : period.firstDay())
                .minusDays(HealthMatching.WINDOW_DAYS);
        LocalDate last = period.lastDay().plusDays(HealthMatching.WINDOW_DAYS);
        Lines lines = new Lines(first, last);
        RecordQuery query = RecordQuery.ofType(RecordType.BANK_TRANSACTION).between(
                Optional.of(first.minusDays(1).atStartOfDay(person.zone()).toInstant()),
                Optional.of(last.plusDays(2).atStartOfDay(person.zone()).toInstant()));
        try (Stream<StoredRecord> records = gate.records(new Accessor.Owner(person.id()), query)) {
            records.forEach(record -> {
                if (record.payload() instanceof BankTransaction transaction) {
                    lines.add(record, transaction);
                }
            });
        }
        return lines.report(period, yearFrom);
    }

    /** What is gathered while reading: the payments for care, the insurers' credits and the mutual's premiums. */
    private static final class Lines {
        private final LocalDate first;
        private final LocalDate last;
        private final List<HealthMatching.Payment> payments = new ArrayList<>();
        private final List<HealthReport.Credit> credits = new ArrayList<>();
        private final List<HealthReport.Credit> premiums = new ArrayList<>();
        private Optional<LocalDate> since = Optional.empty();
        private Optional<LocalDate> latest = Optional.empty();

        private Lines(LocalDate first, LocalDate last) {
            this.first = first;
            this.last = last;
        }

        private void add(StoredRecord record, BankTransaction line) {
            LocalDate booked = line.bookingDate();
            if (!line.currency().equals(CURRENCY) || booked.isBefore(first) || booked.isAfter(last)
                    || line.amount().signum() == 0) {
                return;
            }
            since = since.filter(day -> day.isBefore(booked)).or(() -> Optional.of(booked));
            latest = latest.filter(day -> day.isAfter(booked)).or(() -> Optional.of(booked));
            String text = line.label() + " " + line.counterparty().orElse("");
            Optional<HealthInsurer> insurer = HealthInsurer.of(text);
            BigDecimal amount = line.amount().abs();
            if (insurer.isPresent()) {
                HealthReport.Credit credit = new HealthReport.Credit(record.id(), booked, MoneyPayee.of(line), insurer.get(),
                        amount);
                if (line.amount().signum() > 0) {
                    credits.add(credit);
                }
                else if (insurer.get() == HealthInsurer.MUTUAL) {
                    premiums.add(credit);
                }
                return;
            }
            if (line.amount().signum() < 0) {
                LocalDate day = line.valueDate().filter(value -> value.isBefore(booked)).orElse(booked);
                HealthKind.of(text, line.bankCategory()).ifPresent(kind -> payments.add(
                        new HealthMatching.Payment(record.id(), day, MoneyPayee.of(line), kind, amount)));
            }
        }

        private HealthReport report(MoneyPeriod period, YearMonth yearFrom) {
            LocalDate asOf = latest.orElse(period.lastDay());
            boolean mutualSeen = credits.stream().anyMatch(credit -> credit.insurer() == HealthInsurer.MUTUAL)
                    || !premiums.isEmpty();
            payments.sort(Comparator.comparing(HealthMatching.Payment::day));
            HealthMatching matching = new HealthMatching(payments).match(credits);
            List<HealthReport.Usual> usual = matching.usual();
            List<HealthAct> acts = matching.acts(asOf, mutualSeen, usual).stream()
                    .filter(act -> period.contains(act.day())).toList();
            List<HealthReport.Credit> unmatched = matching.unmatched().stream()
                    .filter(credit -> period.contains(credit.day())).toList();
            boolean enoughHistory = since.filter(day -> ChronoUnit.DAYS.between(day, asOf) >= RecurringFlows.ENOUGH_DAYS)
                    .isPresent();
            return new HealthReport(period, since, asOf, enoughHistory, mutualSeen, usual, acts, unmatched, totals(acts),
                    premiums(new MoneyPeriod(yearFrom, period.to())));
        }

        private static HealthReport.Totals totals(List<HealthAct> acts) {
            return new HealthReport.Totals(acts.size(), sum(acts.stream().map(HealthAct::paid)),
                    sum(acts.stream().flatMap(act -> act.national().stream()).map(HealthAct.Share::amount)),
                    sum(acts.stream().flatMap(act -> act.mutual().stream()).map(HealthAct.Share::amount)),
                    sum(acts.stream().map(HealthAct::remaining)),
                    (int) acts.stream().filter(act -> act.waiting().isPresent() && !(act.kind().usuallyPaidDirectly()
                            && act.status() == HealthAct.Status.NOT_YET)).count(),
                    (int) acts.stream().filter(act -> act.waiting().filter(HealthAct.Waiting::longerThanUsual).isPresent())
                            .count());
        }

        private HealthReport.Premiums premiums(MoneyPeriod year) {
            Map<String, List<HealthReport.Credit>> byPayee = new LinkedHashMap<>();
            premiums.stream().filter(premium -> year.contains(premium.day()))
                    .sorted(Comparator.comparing(HealthReport.Credit::day))
                    .forEach(premium -> byPayee.computeIfAbsent(premium.payee(), payee -> new ArrayList<>()).add(premium));
            List<HealthReport.Premium> payees = byPayee.entrySet().stream()
                    .map(entry -> new HealthReport.Premium(entry.getKey(), entry.getValue().size(),
                            RecurringAmounts.middle(entry.getValue().stream().map(HealthReport.Credit::amount).toList()),
                            sum(entry.getValue().stream().map(HealthReport.Credit::amount)),
                            entry.getValue()))
                    .sorted(Comparator.comparing(HealthReport.Premium::total).reversed()
                            .thenComparing(HealthReport.Premium::payee))
                    .toList();
            List<HealthReport.Credit> reimbursements = credits.stream()
                    .filter(credit -> credit.insurer() == HealthInsurer.MUTUAL && year.contains(credit.day()))
                    .sorted(Comparator.comparing(HealthReport.Credit::day)).toList();
            return new HealthReport.Premiums(year.from(), year.to(), payees,
                    sum(payees.stream().map(HealthReport.Premium::total)),
                    sum(reimbursements.stream().map(HealthReport.Credit::amount)), reimbursements);
        }

        private static BigDecimal sum(Stream<BigDecimal> amounts) {
            return amounts.reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }
}
