package org.selfdata.bench;

import org.selfdata.demo.DemoPerson;
import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.services.AcrossSources;
import org.selfdata.services.Carbon;
import org.selfdata.services.CarbonFactors;
import org.selfdata.services.Energy;
import org.selfdata.services.EnergyBill;
import org.selfdata.services.EnergyStep;
import org.selfdata.services.Forecast;
import org.selfdata.services.Health;
import org.selfdata.services.LocationCache;
import org.selfdata.services.Money;
import org.selfdata.services.MoneyPeriod;
import org.selfdata.services.Places;
import org.selfdata.services.PlacesQuery;
import org.selfdata.services.Recurring;
import org.selfdata.services.Reveal;
import org.selfdata.services.RevealCorrections;
import org.selfdata.services.RevealLens;
import org.selfdata.services.TariffTables;
import org.selfdata.vault.Vault;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Every personal service over the demo vault (her 3,000 bank lines, 480,000 location points and 35,000 meter readings),
 * as the pages ask them, beside one raw pass through the gate over all her records: the ratio says what the services
 * cost on top of reading the records once, which they must do anyway. The services are made anew at each round, as
 * when her records just changed: the first to go through her locations reads them, and the others (places, the
 * reveal, carbon, across the sources) take them from the {@link LocationCache} they share, as on the server; the money
 * page's services each read the bank lines, as the pages ask them apart. Then all are asked again, her locations kept.
 * A warm-up round comes first; each figure is the best of its rounds.
 */
final class ServicesBenchmark {
    private final Path scratch;
    private final int rounds;
    private final Consumer<String> progress;

    ServicesBenchmark(Path scratch, int rounds, Consumer<String> progress) {
        this.scratch = requireNonNull(scratch, "scratch is null");
        this.rounds = Rounds.require(rounds, "services");
        this.progress = requireNonNull(progress, "progress is null");
    }

    List<Measurement> run() {
        try (Vault vault = DemoVault.create(scratch)) {
            Person camille = DemoVault.fill(vault, scratch, progress);
            Gate gate = Gate.over(vault);
            long[] raw = new long[rounds];
            long[] again = new long[rounds];
            Map<String, long[]> timed = new LinkedHashMap<>();
            long records = 0;
            for (int round = 0; round <= rounds; round++) {
                progress.accept(round == 0 ? "warm-up round" : "round " + round + " of " + rounds);
                long started = System.nanoTime();
                records = rawRead(gate, camille);
                long read = System.nanoTime() - started;
                // Services made anew, as when her records just changed: nothing of her locations is kept yet.
                Map<String, Runnable> services = services(vault, gate, camille);
                long all = 0;
                for (Map.Entry<String, Runnable> service : services.entrySet()) {
                    started = System.nanoTime();
                    service.getValue().run();
                    long spent = System.nanoTime() - started;
                    all += spent;
                    if (round > 0) {
                        timed.computeIfAbsent(service.getKey(), name -> new long[rounds])[round - 1] = spent;
                    }
                }
                started = System.nanoTime();
                services.values().forEach(Runnable::run);
                long kept = System.nanoTime() - started;
                progress.accept("raw read " + read / 1_000_000 + " ms, all services " + all / 1_000_000 + " ms, again "
                        + kept / 1_000_000 + " ms");
                if (round > 0) {
                    raw[round - 1] = read;
                    again[round - 1] = kept;
                }
            }
            return measurements(records, raw, timed, again);
        }
    }

    /** The services as the pages ask them, for the demo's last year where they take a period. */
    private static Map<String, Runnable> services(Vault vault, Gate gate, Person person) {
        Clock clock = Clock.systemUTC();
        RevealCorrections corrections = new RevealCorrections(vault.placeCorrections());
        LocationCache locations = new LocationCache(gate);
        Reveal reveal = new Reveal(gate, corrections, locations);
        Recurring recurring = new Recurring(gate, clock);
        Energy energy = new Energy(gate);
        Money money = new Money(gate);
        Forecast forecast = new Forecast(gate, recurring);
        EnergyBill bill = new EnergyBill(gate, recurring, TariffTables.shipped());
        Places places = new Places(locations, corrections);
        Carbon carbon = new Carbon(gate, CarbonFactors.shipped(), locations);
        Health health = new Health(gate);
        AcrossSources across = new AcrossSources(reveal, energy, recurring, TariffTables.shipped(), carbon);
        YearMonth last = YearMonth.from(DemoPerson.LAST_DAY);
        Map<String, Runnable> services = new LinkedHashMap<>();
        services.put("money: the year's summary", () -> money.summary(person, MoneyPeriod.yearEndingWith(last),
                Optional.empty()));
        services.put("money: recurring payments", () -> recurring.flows(person));
        services.put("money: forecast at 90 days", () -> forecast.days(person, 90, Optional.empty()));
        services.put("energy: the year per day", () -> energy.series(person,
                DemoPerson.LAST_DAY.minusYears(1).plusDays(1).atStartOfDay(person.zone()).toInstant(),
                DemoPerson.LAST_DAY.plusDays(1).atStartOfDay(person.zone()).toInstant(), EnergyStep.DAY));
        services.put("energy: the bill", () -> bill.bill(person, Optional.empty(), Optional.empty()));
        services.put("places: the summary", () -> places.summary(person.id(), PlacesQuery.all(8)));
        services.put("reveal: the locations", () -> reveal.locations(person.id(), person.zone(), RevealLens.exact()));
        services.put("carbon: the year", () -> carbon.estimate(person, MoneyPeriod.yearEndingWith(last)));
        services.put("money: care and reimbursements", () -> health.report(person, MoneyPeriod.yearEndingWith(last)));
        services.put("across the sources", () -> across.findings(person));
        return services;
    }

    /** Every record of the person through the gate, once. */
    private static long rawRead(Gate gate, Person person) {
        long count = 0;
        try (Stream<StoredRecord> records = gate.records(Accessor.owner(person.id()), RecordQuery.all())) {
            // Each record is taken in turn, opened by the gate, as a service takes it: count() could skip that.
            for (StoredRecord record : (Iterable<StoredRecord>) records::iterator) {
                count += record.payload() == null ? 0 : 1;
            }
        }
        if (count == 0) {
            throw new SelfdataException(ErrorCode.INTERNAL, "the demo vault should hold records");
        }
        return count;
    }

    private List<Measurement> measurements(long records, long[] raw, Map<String, long[]> timed, long[] again) {
        double read = Rounds.best(raw);
        Measurement.Baseline baseline = new Measurement.Baseline("raw read of " + records + " records", read / 1e6);
        List<Measurement> measurements = new ArrayList<>();
        measurements.add(new Measurement("raw read of all her records, best of " + rounds, read / 1e6, "ms",
                Optional.empty(), false));
        double all = 0;
        for (Map.Entry<String, long[]> service : timed.entrySet()) {
            double best = Rounds.best(service.getValue());
            all += best;
            measurements.add(new Measurement(service.getKey(), best / 1e6, "ms", Optional.of(baseline), false));
        }
        measurements.add(new Measurement("all services, added up (target: at most 2x)", all / 1e6, "ms",
                Optional.of(baseline), false));
        measurements.add(new Measurement("all services again, her locations kept", Rounds.best(again) / 1e6, "ms",
                Optional.of(baseline), false));
        return measurements;
    }
}
