package org.selfdata.services;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.EnergyReading;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The electricity bill: what the latest year of meter readings cost month by month under each option of the regulated
 * tariff, which option would have cost least, and, against the monthly debits of the energy supplier found in the bank
 * lines, what the yearly settlement would ask for or pay back.
 *
 * <p>The person's option and power are theirs to say; unsaid, they are taken as base at 6 kVA, the most common, and the
 * answer says it assumed them. Peak and off-peak hours can only be told apart with readings of an hour or less, as a
 * Linky's load curve gives them; with daily readings only the base option is priced and no cheapest option is named.
 *
 * <p>Tempo's colours are set by RTE each day and are not in the readings. They are estimated pessimistically: red days
 * fall on the weekdays from November to March when the person used the most, white days on the days after those (no
 * Sunday), as many of each as the table's Tempo year holds, for the part of that year read. A cold day is both a red day
 * and a day a heated home uses the most, so the estimate is near the truth for such a home, and it never makes Tempo look
 * cheaper than it was.
 */
public final class EnergyBill {
    /** The power assumed when the person has not said theirs: the most common for a home in France. */
    public static final int ASSUMED_KILOVOLT_AMPERES = 6;
    /** Readings up to this long are placed in peak or off-peak hours by their middle; longer ones are not. */
    static final Duration FINEST = Duration.ofHours(1);
    /** The share of the energy read finely enough that the rest, counted at peak prices, changes little. */
    static final double SPLIT_SHARE = 0.95;
    /**
     * What a debit for gas says, when it says it: the suppliers that sell both (ENGIE, TotalEnergies, ENI) debit gas
     * apart, and a gas instalment set against the electricity read would make the settlement's forecast wrong.
     */
    static final Pattern GAS = Pattern.compile("\\b(GAZ|GAS|GRDF|GAZPAR|BUTAGAZ|PRIMAGAZ|ANTARGAZ)\\b");
    /** Electricity suppliers as their debits name them. */
    static final Pattern SUPPLIERS = Pattern.compile("\\b(EDF|ENGIE|TOTALENERGIES|TOTAL ENERGIES|EKWATEUR|ENERCOOP"
            + "|OCTOPUS ENERGY|MINT ENERGIE|OHM ENERGIE|VATTENFALL|ILEK|PLANETE OUI|ALPIQ|ENI)\\b");

    private final Gate gate;
    private final Recurring recurring;
    private final Supplier<TariffTable> tariffs;

    /** @param tariffs gives the table each time a bill is asked for, so that the operator's update needs no restart */
    public EnergyBill(Gate gate, Recurring recurring, Supplier<TariffTable> tariffs) {
        this.gate = requireNonNull(gate, "gate is null");
        this.recurring = requireNonNull(recurring, "recurring is null");
        this.tariffs = requireNonNull(tariffs, "tariffs is null");
    }

    /**
     * @param option the person's tariff option, when they said it
     * @param kilovoltAmperes their subscribed power, when they said it
     */
    public EnergyCosts bill(Person person, Optional<TariffOption> option, Optional<Integer> kilovoltAmperes) {
        requireNonNull(option, "option is null");
        requireNonNull(kilovoltAmperes, "kilovoltAmperes is null");
        TariffOption chosen = option.orElse(TariffOption.BASE);
        int power = kilovoltAmperes.orElse(ASSUMED_KILOVOLT_AMPERES);
        Optional<Wording> problem = Optional.empty();
        Optional<TariffTable> read;
        try {
            read = Optional.of(tariffs.get());
        }
        catch (SelfdataException e) {
            read = Optional.empty();
            problem = Optional.of(e.wording().orElseGet(() -> Wording.of("error.services.energyBill.tariffsUnreadable")));
        }
        read.ifPresent(table -> requirePower(table, chosen, power));
        List<EnergyUse.Span> spans = spans(person);
        if (spans.isEmpty()) {
            Instant none = Instant.EPOCH;
            return new EnergyCosts(none, none, false, List.of(), Optional.empty(),
                    Optional.of(problem.orElseGet(() -> Wording.of("error.services.energyBill.noReadings"))), Optional.empty());
        }
        ZoneId zone = person.zone();
        Instant to = Instant.ofEpochMilli(spans.stream().mapToLong(EnergyUse.Span::endMillis).max().orElseThrow());
        Instant first = Instant.ofEpochMilli(spans.stream().mapToLong(EnergyUse.Span::startMillis).min().orElseThrow());
        Instant yearBefore = to.atZone(zone).minusYears(1).toInstant();
        Instant from = first.isAfter(yearBefore) ? first : yearBefore;
        Optional<EnergyCosts.Instalments> instalments = instalments(person, from, to);
        if (read.isEmpty()) {
            EnergyBillUse use = EnergyBillUse.of(spans, from, to, zone, Optional.empty());
            return new EnergyCosts(from, to, use.split(), use.months(), Optional.empty(), problem, instalments);
        }
        TariffTable table = read.get();
        EnergyBillUse use = EnergyBillUse.of(spans, from, to, zone, read);
        EnergyCosts.Priced priced = priced(table, use, chosen, power, option.isEmpty() || kilovoltAmperes.isEmpty(), from, to,
                instalments);
        return new EnergyCosts(from, to, use.split(), use.months(), Optional.of(priced), Optional.empty(), instalments);
    }

    /** Refuses a power the table gives no subscription for under the option, naming those it does give. */
    private static void requirePower(TariffTable table, TariffOption option, int power) {
        if (table.subscription(option, power).isEmpty()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.services.tariffs.noPower", option.term(),
                    power, table.powers(option).stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
    }

    private static EnergyCosts.Priced priced(TariffTable table, EnergyBillUse use, TariffOption chosen, int power,
            boolean assumed, Instant from, Instant to, Optional<EnergyCosts.Instalments> instalments) {
        List<TariffOption> options = Stream.of(TariffOption.values())
                .filter(option -> table.subscription(option, power).isPresent())
                .filter(option -> option == TariffOption.BASE || use.split())
                .toList();
        List<EnergyCosts.MonthCost> months = use.slots().entrySet().stream().map(month -> {
            Map<TariffOption, BigDecimal> costs = new EnumMap<>(TariffOption.class);
            for (TariffOption option : options) {
                BigDecimal cost = table.subscription(option, power).orElseThrow()
                        .multiply(BigDecimal.valueOf(use.monthShare().get(month.getKey())));
                for (Map.Entry<TariffSlot, Double> slot : month.getValue().entrySet()) {
                    if (slot.getKey().option() == option) {
                        cost = cost.add(table.price(slot.getKey()).multiply(BigDecimal.valueOf(slot.getValue())));
                    }
                }
                costs.put(option, cost.setScale(2, RoundingMode.HALF_EVEN));
            }
            return new EnergyCosts.MonthCost(month.getKey(), costs);
        }).toList();
        Map<TariffOption, BigDecimal> totals = new EnumMap<>(TariffOption.class);
        for (TariffOption option : options) {
            totals.put(option, months.stream().map(month -> month.costs().get(option)).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        Optional<TariffOption> cheapest = options.size() < 2 ? Optional.empty()
                : options.stream().min(Comparator.comparing(totals::get));
        boolean wholeYear = !from.plus(Duration.ofDays(358)).isAfter(to);
        Optional<EnergyCosts.Settlement> settlement = instalments.filter(found -> wholeYear)
                .flatMap(found -> Optional.ofNullable(totals.get(chosen)).map(cost -> {
                    BigDecimal paid = found.monthly().multiply(BigDecimal.valueOf(12));
                    return new EnergyCosts.Settlement(cost, paid, cost.subtract(paid));
                }));
        return new EnergyCosts.Priced(table.appliesFrom(), table.source(), chosen, power, assumed, months, totals, cheapest,
                use.tempoDays(), settlement);
    }

    /** The electricity supplier's monthly debit still running that was paid most often over the period; gas is not it. */
    private Optional<EnergyCosts.Instalments> instalments(Person person, Instant from, Instant to) {
        LocalDate first = from.atZone(person.zone()).toLocalDate();
        LocalDate last = to.atZone(person.zone()).toLocalDate();
        return recurring.flows(person).flows().stream()
                .filter(flow -> !flow.income() && flow.period() == RecurringPeriod.MONTHLY && "EUR".equals(flow.currency())
                        && flow.status() != RecurringFlow.Status.ENDED && SUPPLIERS.matcher(flow.payee()).find()
                        && !GAS.matcher(flow.payee()).find())
                .map(flow -> {
                    List<RecurringFlow.Occurrence> paid = flow.occurrences().stream()
                            .filter(occurrence -> !occurrence.day().isBefore(first) && occurrence.day().isBefore(last)).toList();
                    return new EnergyCosts.Instalments(flow.payee(), flow.typical(), paid.size(),
                            paid.stream().map(RecurringFlow.Occurrence::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
                })
                .max(Comparator.comparingInt(EnergyCosts.Instalments::count));
    }

    private List<EnergyUse.Span> spans(Person person) {
        EnergyUse use = new EnergyUse();
        try (Stream<StoredRecord> records = gate.records(new Accessor.Owner(person.id()),
                RecordQuery.ofType(RecordType.ENERGY_READING))) {
            records.forEach(record -> record.time().span().ifPresent(span -> use.add(span, (EnergyReading) record.payload())));
        }
        return use.spans();
    }
}
