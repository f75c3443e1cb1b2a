package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.Gate;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.EnergyReading;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Words;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.VaultWithCamille;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bill priced with a table of round prices, so that each euro can be checked by hand: base 10 € a month and 0.20 €
 * a kWh; off-peak 12 € a month, 0.25 € in peak and 0.10 € in off-peak hours, which are 23:00 to 07:00 here; Tempo 11 € a
 * month, blue 0.10 / 0.05, white 0.20 / 0.10, red 0.50 / 0.20 (peak / off-peak, off-peak from 22:00 to 06:00).
 */
class EnergyBillTest {
    private static final String TABLE = """
            # round prices for a test
            applies-from;2025-02-01
            source;a table for a test
            off-peak-hours;23:00-07:00
            tempo-days;%s
            subscription;base;6;10
            subscription;off-peak;6;12
            subscription;tempo;6;11
            price;base;all;0.20
            price;off-peak;peak;0.25
            price;off-peak;off-peak;0.10
            price;tempo;blue-peak;0.10
            price;tempo;blue-off-peak;0.05
            price;tempo;white-peak;0.20
            price;tempo;white-off-peak;0.10
            price;tempo;red-peak;0.50
            price;tempo;red-off-peak;0.20
            """;
    private static final SourceDescriptor METER = SourceDescriptor.file("Enedis", "courbe");

    @RegisterExtension
    final VaultWithCamille vault = new VaultWithCamille(Engine.SQLITE);
    private final List<RecordDraft> drafts = new ArrayList<>();

    @Test
    void juneOfHalfHoursCostsWhatItsPeakAndOffPeakKilowattHoursSayUnderEachOption() {
        // 100 Wh each half hour from 06:00 to 22:00, 200 Wh from 22:00 to 06:00: 6.4 kWh a day, 192 kWh in June.
        halfHours(day("2025-06-01"), day("2025-07-01"), time -> time.getHour() >= 6 && time.getHour() < 22 ? 100 : 200);

        EnergyCosts costs = bill(table("365;0;0"), Optional.empty(), Optional.empty());

        assertThat(costs.split()).isTrue();
        assertThat(costs.months()).containsExactly(new EnergyCosts.MonthUse(YearMonth.of(2025, 6), 192.0, Optional.of(90.0)));
        EnergyCosts.Priced priced = costs.priced().orElseThrow();
        assertThat(priced.option()).isEqualTo(TariffOption.BASE);
        assertThat(priced.kilovoltAmperes()).isEqualTo(6);
        assertThat(priced.assumed()).isTrue();
        // Base: 10 + 192 × 0.20. Off-peak: 23:00–07:00 holds 2.8 + 0.2 kWh a day, 90 in June, the other 102 at peak:
        // 12 + 102 × 0.25 + 90 × 0.10. Tempo, every day blue: 11 + 96 × 0.10 + 96 × 0.05.
        assertThat(priced.totals()).containsOnly(Map.entry(TariffOption.BASE, new BigDecimal("48.40")),
                Map.entry(TariffOption.OFF_PEAK, new BigDecimal("46.50")),
                Map.entry(TariffOption.TEMPO, new BigDecimal("25.40")));
        assertThat(priced.months()).singleElement().satisfies(june -> assertThat(june.costs()).isEqualTo(priced.totals()));
        assertThat(priced.cheapest()).contains(TariffOption.TEMPO);
        assertThat(priced.settlement()).as("no energy debit, and not a year of readings").isEmpty();
        assertThat(costs.instalments()).isEmpty();
    }

    @Test
    void redDaysFallOnTheHeaviestWinterWeekdaysAndMakeTempoDearerThanBase() {
        // 100 Wh every half hour of January, 300 Wh in the peak half hours of 6 to 11 January (Monday to Saturday).
        halfHours(day("2025-01-01"), day("2025-02-01"), time -> {
            LocalDate date = time.toLocalDate();
            boolean heavy = !date.isBefore(LocalDate.of(2025, 1, 6)) && !date.isAfter(LocalDate.of(2025, 1, 11));
            return heavy && time.getHour() >= 6 && time.getHour() < 22 ? 300 : 100;
        });

        EnergyCosts.Priced priced = bill(table("300;43;22"), Optional.of(TariffOption.TEMPO), Optional.of(6)).priced()
                .orElseThrow();

        assertThat(priced.assumed()).isFalse();
        // January holds 24 of the season's 107 weekdays that may be red: 22 × 24 / 107 rounds to 5 red days, which are
        // the five heavy weekdays; 43 × 28 / 313 to 4 white days: the heavy Saturday, then 1 to 3 January.
        assertThat(priced.tempoDays()).containsOnly(Map.entry(TempoColour.BLUE, 22), Map.entry(TempoColour.WHITE, 4),
                Map.entry(TempoColour.RED, 5));
        // Red: 5 × (9.6 × 0.50 + 1.6 × 0.20); white: 9.6 × 0.20 + 1.6 × 0.10 + 3 × (3.2 × 0.20 + 1.6 × 0.10);
        // blue: 70.4 × 0.10 + 35.2 × 0.05; base: 187.2 kWh × 0.20.
        assertThat(priced.totals().get(TariffOption.TEMPO)).isEqualByComparingTo("49.88");
        assertThat(priced.totals().get(TariffOption.BASE)).isEqualByComparingTo("47.44");
        assertThat(priced.cheapest()).contains(TariffOption.BASE);
    }

    @Test
    void dailyReadingsCannotTellPeakFromOffPeakSoOnlyBaseIsPriced() {
        for (LocalDate date = LocalDate.of(2025, 6, 1); date.isBefore(LocalDate.of(2025, 7, 1)); date = date.plusDays(1)) {
            reading(date.atStartOfDay(TestVaults.PARIS).toInstant(), Duration.ofDays(1), 5000);
        }
        write();

        EnergyCosts costs = bill(table("300;43;22"), Optional.empty(), Optional.empty());

        assertThat(costs.split()).isFalse();
        assertThat(costs.months()).containsExactly(new EnergyCosts.MonthUse(YearMonth.of(2025, 6), 150.0, Optional.empty()));
        EnergyCosts.Priced priced = costs.priced().orElseThrow();
        assertThat(priced.totals()).containsOnly(Map.entry(TariffOption.BASE, new BigDecimal("40.00")));
        assertThat(priced.cheapest()).isEmpty();
    }

    @Test
    void aYearOfReadingsAndMonthlyEnergyDebitsForecastWhatTheSettlementWillAskFor() {
        halfHours(day("2024-07-01"), day("2025-07-01"), time -> 100);
        List<RecordDraft> debits = new ArrayList<>();
        for (LocalDate date = LocalDate.of(2024, 7, 10); date.isBefore(LocalDate.of(2025, 7, 1)); date = date.plusMonths(1)) {
            debits.add(debit(date, "-70.00", "PRLV SEPA EDF CLIENTS PARTICULIERS", debits.size() + 1));
        }
        vault.vault().imports().write(vault.camille().id(), new ImportRequest(SourceDescriptor.file("Banque", "compte"), "ofx",
                "releve.ofx"), debits.stream());

        EnergyCosts costs = bill(table("365;0;0"), Optional.empty(), Optional.empty());

        assertThat(costs.instalments()).hasValueSatisfying(instalments -> {
            assertThat(instalments.payee()).isEqualTo("EDF CLIENTS PARTICULIERS");
            assertThat(instalments.monthly()).isEqualByComparingTo("70.00");
            assertThat(instalments.count()).isEqualTo(12);
            assertThat(instalments.paid()).isEqualByComparingTo("840.00");
        });
        // 4.8 kWh a day for 365 days: 1,752 kWh × 0.20 + 12 × 10 = 470.40, against 12 × 70 debited.
        assertThat(costs.priced().orElseThrow().settlement()).hasValueSatisfying(settlement -> {
            assertThat(settlement.cost()).isEqualByComparingTo("470.40");
            assertThat(settlement.instalments()).isEqualByComparingTo("840.00");
            assertThat(settlement.balance()).isEqualByComparingTo("-369.60");
        });
    }

    @Test
    void aGasInstalmentFromASupplierOfBothIsNotTakenForTheElectricitys() {
        halfHours(day("2024-07-01"), day("2025-07-01"), time -> 100);
        List<RecordDraft> debits = new ArrayList<>();
        for (LocalDate date = LocalDate.of(2024, 7, 10); date.isBefore(LocalDate.of(2025, 7, 1)); date = date.plusMonths(1)) {
            debits.add(debit(date, "-45.00", "PRLV SEPA ENGIE GAZ NATUREL", debits.size() + 1));
            if (date.isAfter(LocalDate.of(2024, 7, 31))) {
                debits.add(debit(date.plusDays(2), "-70.00", "PRLV SEPA ENGIE ELECTRICITE", debits.size() + 1));
            }
        }
        vault.vault().imports().write(vault.camille().id(), new ImportRequest(SourceDescriptor.file("Banque", "compte"), "ofx",
                "releve.ofx"), debits.stream());

        EnergyCosts costs = bill(table("365;0;0"), Optional.empty(), Optional.empty());

        // The gas was debited twelve times and the electricity eleven: the most often paid is not the one that counts.
        assertThat(costs.instalments()).hasValueSatisfying(instalments -> {
            assertThat(instalments.payee()).isEqualTo("ENGIE ELECTRICITE");
            assertThat(instalments.monthly()).isEqualByComparingTo("70.00");
            assertThat(instalments.count()).isEqualTo(11);
        });
    }

    private static RecordDraft debit(LocalDate date, String amount, String label, int line) {
        return RecordDraft.of(TimeSpan.at(date.atStartOfDay(TestVaults.PARIS).toInstant()), new BankTransaction("FR76", date,
                Optional.empty(), new BigDecimal(amount), "EUR", label, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), Position.line(line));
    }

    @Test
    void aTableThatCannotBeReadLeavesTheConsumptionShownAndSaysWhyNothingIsPriced() {
        halfHours(day("2025-06-01"), day("2025-06-02"), time -> 100);
        EnergyBill bill = new EnergyBill(Gate.over(vault.vault()), new Recurring(Gate.over(vault.vault()), Clock.systemUTC()),
                () -> read(TABLE.formatted("300;43;22").replace("price;base;all;0.20", "price;base;all;twenty cents")));

        EnergyCosts costs = bill.bill(vault.camille(), Optional.empty(), Optional.empty());

        assertThat(costs.priced()).isEmpty();
        assertThat(costs.months()).extracting(EnergyCosts.MonthUse::kilowattHours).containsExactly(4.8);
        assertThat(costs.unpriced().map(Words.english()::say)).contains(
                "the tariff table test.csv, line 9: 'twenty cents' is not an amount in euros such as 0.2016");
    }

    @Test
    void aMalformedTableIsRefusedNamingTheLineAtFault() {
        assertThat(refusal(TABLE.formatted("300;43;22").replace("off-peak-hours;23:00-07:00", "off-peak-hours;23h-7h")))
                .isEqualTo("the tariff table test.csv, line 4: '23h-7h' are not hours written HH:MM-HH:MM");
        assertThat(refusal(TABLE.formatted("300;43;22").replace("price;tempo;red-peak", "price;tempo;crimson-peak")))
                .isEqualTo("the tariff table test.csv, line 16: 'crimson-peak' is not a period of the tempo option; its periods"
                        + " are blue-peak, blue-off-peak, white-peak, white-off-peak, red-peak, red-off-peak");
        assertThat(refusal(TABLE.formatted("300;43;22") + "subscription;base;6;11\n"))
                .isEqualTo("the tariff table test.csv, line 18: 'subscription;base;6' was already given on line 6");
        assertThat(refusal(TABLE.formatted("300;43;22").replace("price;tempo;red-off-peak;0.20\n", "")))
                .isEqualTo("the tariff table test.csv has no 'price;tempo;red-off-peak' line");
    }

    @Test
    void theShippedTableHasEveryPriceAndTheUsualPowers() {
        TariffTable table = TariffTable.standard();

        assertThat(table.appliesFrom()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(table.source()).contains("EDF", "CRE");
        assertThat(table.offPeak(LocalTime.of(23, 0))).isTrue();
        assertThat(table.offPeak(LocalTime.of(12, 0))).isFalse();
        for (TariffOption option : TariffOption.values()) {
            assertThat(table.powers(option)).contains(6, 9, 12);
        }
        assertThat(table.tempoDays(TempoColour.BLUE) + table.tempoDays(TempoColour.WHITE) + table.tempoDays(TempoColour.RED))
                .isEqualTo(365);
    }

    @Test
    void aPowerTheTableHasNoSubscriptionForIsRefused() {
        halfHours(day("2025-06-01"), day("2025-06-02"), time -> 100);

        assertThatThrownBy(() -> bill(table("300;43;22"), Optional.of(TariffOption.TEMPO), Optional.of(9)))
                .isInstanceOfSatisfying(SelfdataException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(Words.english().say(e.wording().orElseThrow()))
                            .isEqualTo("the tariff table has no subscription for the tempo option at 9 kVA; it has one at 6 kVA");
                });
    }

    private EnergyCosts bill(TariffTable table, Optional<TariffOption> option, Optional<Integer> power) {
        Gate gate = Gate.over(vault.vault());
        return new EnergyBill(gate, new Recurring(gate, Clock.systemUTC()), () -> table).bill(vault.camille(), option, power);
    }

    private static TariffTable table(String tempoDays) {
        return read(TABLE.formatted(tempoDays));
    }

    private static TariffTable read(String text) {
        try {
            return TariffTable.read("test.csv", new StringReader(text));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String refusal(String text) {
        try {
            read(text);
        }
        catch (SelfdataException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            return Words.english().say(e.wording().orElseThrow());
        }
        throw new AssertionError("the table was read");
    }

    private static Instant day(String day) {
        return LocalDate.parse(day).atStartOfDay(TestVaults.PARIS).toInstant();
    }

    /** Half hours from {@code from} to {@code to}, each of the watt-hours given for its start in Paris. */
    private void halfHours(Instant from, Instant to, ToLongFunction<ZonedDateTime> wattHours) {
        for (Instant start = from; start.isBefore(to); start = start.plus(Duration.ofMinutes(30))) {
            reading(start, Duration.ofMinutes(30), wattHours.applyAsLong(start.atZone(TestVaults.PARIS)));
        }
        write();
    }

    private void reading(Instant start, Duration length, long wattHours) {
        drafts.add(RecordDraft.of(TimeSpan.between(start, start.plus(length)), new EnergyReading("PRM1",
                EnergyReading.Quantity.ENERGY, BigDecimal.valueOf(wattHours), Optional.of((int) length.toMinutes()),
                Optional.empty()), Position.line(drafts.size() + 1)));
    }

    private void write() {
        vault.vault().imports().write(vault.camille().id(), new ImportRequest(METER, "linky", "courbe.csv"), drafts.stream());
        drafts.clear();
    }
}
