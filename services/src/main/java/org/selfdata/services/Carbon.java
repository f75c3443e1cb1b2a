package org.selfdata.services;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.texts.Wording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The carbon estimate: per month, the electricity the meter read times the French mix's factor, the trips the location
 * points show ({@link CarbonTrips}) times each way of travelling's factor per passenger-km, and, for what those do not
 * cover, the spending by category times a rough factor per euro ({@link CarbonSpending}), every factor read from the
 * factors file with its source. All is read through the gate as the owner.
 *
 * <p>A factors file that cannot be read leaves the estimate empty, saying why (naming the line at fault), and nothing else
 * fails: the other services do not need it.
 */
public final class Carbon {
    private final Gate gate;
    private final Energy energy;
    private final Supplier<CarbonFactors> factors;
    private final LocationCache locationCache;

    /** @param factors gives the factors each time an estimate is asked for, so that the operator's update needs no restart */
    public Carbon(Gate gate, Supplier<CarbonFactors> factors) {
        this(gate, factors, new LocationCache(gate));
    }

    /** Reads the locations through a cache the other services that read them all share. */
    public Carbon(Gate gate, Supplier<CarbonFactors> factors, LocationCache locationCache) {
        this.gate = requireNonNull(gate, "gate is null");
        this.energy = new Energy(gate);
        this.factors = requireNonNull(factors, "factors is null");
        this.locationCache = requireNonNull(locationCache, "locationCache is null");
    }

    public CarbonEstimate estimate(Person person, MoneyPeriod period) {
        requireNonNull(period, "period is null");
        CarbonFactors applied;
        try {
            applied = factors.get();
        }
        catch (SelfdataException e) {
            return new CarbonEstimate(period, List.of(), Optional.of(e.wording().orElseGet(() -> Wording.of(
                    "error.services.carbonFactors.missing", CarbonFactors.STANDARD))),
                    CarbonEstimate.Sureness.of(0, 0, 0, 0));
        }
        ZoneId zone = person.zone();
        Instant from = period.firstDay().atStartOfDay(zone).toInstant();
        Instant to = period.lastDay().plusDays(1).atStartOfDay(zone).toInstant();
        Map<YearMonth, Double> kilowattHours = new HashMap<>();
        energy.series(person, from, to, EnergyStep.MONTH).points().forEach(point -> kilowattHours.merge(
                YearMonth.from(point.start().atZone(zone)), point.kilowattHours(), Double::sum));
        Set<LocalDate> located = new HashSet<>();
        List<CarbonLeg> found = legs(person, from, to,
                record -> located.add(Instant.ofEpochMilli(record.startMillis()).atZone(zone).toLocalDate()));
        Map<YearMonth, List<CarbonLeg>> legs = found.stream()
                .collect(Collectors.groupingBy(leg -> YearMonth.from(leg.start().atZone(zone))));
        CarbonSpending spending = new CarbonSpending(period);
        try (Stream<StoredRecord> records = gate.records(new Accessor.Owner(person.id()),
                RecordQuery.ofType(RecordType.BANK_TRANSACTION).between(Optional.of(from), Optional.of(to)))) {
            records.forEach(record -> {
                if (record.payload() instanceof BankTransaction line) {
                    spending.add(record.id(), line);
                }
            });
        }
        List<CarbonEstimate.Month> months = new ArrayList<>();
        for (YearMonth month = period.from(); !month.isAfter(period.to()); month = month.plusMonths(1)) {
            double used = kilowattHours.getOrDefault(month, 0.0);
            Optional<CarbonEstimate.Electricity> electricity = used > 0 ? Optional.of(new CarbonEstimate.Electricity(used,
                    applied.electricity().times(used), applied.electricity())) : Optional.empty();
            List<CarbonLeg> monthLegs = legs.getOrDefault(month, List.of());
            YearMonth shown = month;
            long daysLocated = located.stream().filter(day -> YearMonth.from(day).equals(shown)).count();
            List<CarbonEstimate.Spending> spent = spending.month(month, applied, electricity.isPresent(),
                    daysLocated * 2 >= month.lengthOfMonth());
            months.add(new CarbonEstimate.Month(month, electricity, travel(monthLegs, applied), monthLegs,
                    spent.stream().filter(line -> line.covered().isEmpty()).toList(),
                    spent.stream().filter(line -> line.covered().isPresent()).toList()));
        }
        return new CarbonEstimate(period, months, Optional.empty(), sureness(months));
    }

    /**
     * The legs of the trips the location points and the source's trips show between two instants, each record read
     * also given to {@code also}.
     */
    private List<CarbonLeg> legs(Person person, Instant from, Instant to, Consumer<Located> also) {
        CarbonTrips trips = new CarbonTrips(person.zone());
        locationCache.read(person.id(), Set.of(RecordType.GEO_POINT, RecordType.GEO_TRIP), Optional.of(from),
                Optional.of(to), true, record -> {
                    also.accept(record);
                    trips.add(record);
                });
        return trips.legs();
    }

    /** The factors, as the file the operator keeps gives them now; refused while it cannot be read. */
    CarbonFactors factors() {
        return factors.get();
    }

    /** The legs added up by way of travelling, in the order of the ways. */
    private static List<CarbonEstimate.Travel> travel(List<CarbonLeg> legs, CarbonFactors factors) {
        List<CarbonEstimate.Travel> travel = new ArrayList<>();
        for (CarbonMode mode : CarbonMode.values()) {
            List<CarbonLeg> made = legs.stream().filter(leg -> leg.mode() == mode).toList();
            if (!made.isEmpty()) {
                double kilometres = made.stream().mapToDouble(CarbonLeg::kilometres).sum();
                double recognized = made.stream().filter(CarbonLeg::recognized).mapToDouble(CarbonLeg::kilometres).sum();
                CarbonFactor factor = factors.travel(mode);
                travel.add(new CarbonEstimate.Travel(mode, made.size(), kilometres, recognized, factor.times(kilometres),
                        factor));
            }
        }
        return travel;
    }

    private static CarbonEstimate.Sureness sureness(List<CarbonEstimate.Month> months) {
        double kilograms = months.stream().mapToDouble(CarbonEstimate.Month::kilograms).sum();
        double rough = months.stream().mapToDouble(CarbonEstimate.Month::roughKilograms).sum();
        double kilometres = months.stream().flatMap(month -> month.travel().stream())
                .mapToDouble(CarbonEstimate.Travel::kilometres).sum();
        double recognized = months.stream().flatMap(month -> month.travel().stream())
                .mapToDouble(CarbonEstimate.Travel::recognizedKilometres).sum();
        return CarbonEstimate.Sureness.of(kilograms, rough, kilometres, recognized);
    }
}
