package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.Gate;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.EnergyReading;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.GeoTrip;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordType;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The estimate computed with round factors, so that each kilogram can be checked by hand: 0.05 kg a kWh; per
 * passenger-km, a regional train 0.03 kg and a car 0.2 kg; per euro, groceries 1 kg, transport 0.8 kg, energy 0.2 kg.
 */
class CarbonTest {
    private static final String FACTORS = """
            # round factors for a test
            electricity;0.05;kWh;2024-01-01;a test
            walking;0;passenger-km;2024-01-01;a test
            cycling;0;passenger-km;2024-01-01;a test
            tram-metro;0.004;passenger-km;2024-01-01;a test
            bus;0.1;passenger-km;2024-01-01;a test
            car;0.2;passenger-km;2024-01-01;a test
            train-regional;0.03;passenger-km;2024-01-01;a test
            train-high-speed;0.003;passenger-km;2024-01-01;a test
            plane-short-haul;0.25;passenger-km;2024-01-01;a test
            plane-medium-haul;0.2;passenger-km;2024-01-01;a test
            plane-long-haul;0.15;passenger-km;2024-01-01;a test
            spending-groceries;1;euro;2024-01-01;a test
            spending-eating-out;0.5;euro;2024-01-01;a test
            spending-transport;0.8;euro;2024-01-01;a test
            spending-housing;0.1;euro;2024-01-01;a test
            spending-energy;0.2;euro;2024-01-01;a test
            spending-telecom;0.1;euro;2024-01-01;a test
            spending-health;0.2;euro;2024-01-01;a test
            spending-other;0.4;euro;2024-01-01;a test
            """;
    private static final double PARIS_LATITUDE = 48.8566;
    private static final double PARIS_LONGITUDE = 2.3522;
    /** Degrees of latitude in 100 km, on the sphere the distances are measured on. */
    private static final double HUNDRED_KILOMETRES = 100_000 / (6_371_008.8 * Math.PI / 180);
    private static final MoneyPeriod JUNE_AND_JULY = new MoneyPeriod(YearMonth.of(2025, 6), YearMonth.of(2025, 7));

    @RegisterExtension
    final VaultWithCamille vault = new VaultWithCamille(Engine.SQLITE);
    private final List<RecordDraft> drafts = new ArrayList<>();

    @Test
    void eachSourceIsMultipliedByItsFactorAndWhatTheReadingsAndTripsCoverIsNotCountedAgainPerEuro() {
        // June: 10 kWh a day, a location point at home every night and a 100 km train ride, 100 € of groceries, a 50 € train
        // ticket and a 40 € electricity bill.
        for (LocalDate day = LocalDate.of(2025, 6, 1); day.isBefore(LocalDate.of(2025, 7, 1)); day = day.plusDays(1)) {
            reading(day, 10_000);
            point(day.atStartOfDay(TestVaults.PARIS).plusHours(3).toInstant(), PARIS_LATITUDE, Optional.empty());
        }
        train(Instant.parse("2025-06-10T07:00:00Z"), "IN_TRAIN");
        line(LocalDate.of(2025, 6, 12), "-100.00", "CB CARREFOUR CITY");
        line(LocalDate.of(2025, 6, 13), "-50.00", "CB SNCF VOYAGEURS");
        line(LocalDate.of(2025, 6, 14), "-40.00", "PRLV EDF CLIENTS");
        // July: no readings and no trips, so its ticket and its bill are counted per euro.
        line(LocalDate.of(2025, 7, 3), "-10.00", "CB CARREFOUR CITY");
        line(LocalDate.of(2025, 7, 4), "-50.00", "CB SNCF VOYAGEURS");
        line(LocalDate.of(2025, 7, 5), "-40.00", "PRLV EDF CLIENTS");
        write();

        CarbonEstimate estimate = estimate(factors(FACTORS));

        assertThat(estimate.uncomputed()).isEmpty();
        CarbonEstimate.Month june = estimate.months().get(0);
        assertThat(june.month()).isEqualTo(YearMonth.of(2025, 6));
        CarbonEstimate.Electricity electricity = june.electricity().orElseThrow();
        assertThat(electricity.kilowattHours()).isCloseTo(300, within(1e-6));
        assertThat(electricity.kilograms()).isCloseTo(15, within(1e-6));
        assertThat(electricity.factor().source()).isEqualTo("a test");
        assertThat(june.travel()).singleElement().satisfies(travel -> {
            assertThat(travel.mode()).isEqualTo(CarbonMode.TRAIN_REGIONAL);
            assertThat(travel.legs()).isEqualTo(1);
            assertThat(travel.kilometres()).isCloseTo(100, within(0.01));
            assertThat(travel.recognizedKilometres()).isEqualTo(travel.kilometres());
            assertThat(travel.kilograms()).isCloseTo(3, within(0.001));
        });
        assertThat(june.legs()).singleElement().satisfies(leg -> assertThat(leg.records()).hasSize(2));
        assertThat(june.spending()).singleElement().satisfies(groceries -> {
            assertThat(groceries.category()).isEqualTo(MoneyCategory.GROCERIES);
            assertThat(groceries.kilograms()).isCloseTo(100, within(1e-6));
            assertThat(groceries.factor().rough()).isTrue();
            assertThat(groceries.lines()).hasSize(1);
        });
        assertThat(june.leftOut()).extracting(CarbonEstimate.Spending::category, CarbonEstimate.Spending::covered,
                CarbonEstimate.Spending::kilograms)
                .containsExactlyInAnyOrder(tuple(MoneyCategory.TRANSPORT, Optional.of("trips"), 0.0),
                        tuple(MoneyCategory.ENERGY, Optional.of("readings"), 0.0));
        assertThat(june.kilograms()).isCloseTo(15 + 3 + 100, within(0.001));
        CarbonEstimate.Month july = estimate.months().get(1);
        assertThat(july.electricity()).isEmpty();
        assertThat(july.travel()).isEmpty();
        assertThat(july.leftOut()).isEmpty();
        assertThat(july.kilograms()).isCloseTo(10 + 50 * 0.8 + 40 * 0.2, within(1e-6));
        assertThat(estimate.kilograms()).isCloseTo(118 + 58, within(0.001));
        assertThat(estimate.sureness().level()).isEqualTo(CarbonEstimate.Sureness.Level.ROUGH);
        assertThat(estimate.sureness().roughShare()).isCloseTo(158 / 176.0, within(0.001));
    }

    @Test
    void aGasBillIsCountedPerEuroInAMonthTheElectricityMeterReadWhileTheElectricityBillIsLeftOut() {
        for (LocalDate day = LocalDate.of(2025, 6, 1); day.isBefore(LocalDate.of(2025, 7, 1)); day = day.plusDays(1)) {
            reading(day, 10_000);
        }
        line(LocalDate.of(2025, 6, 14), "-40.00", "PRLV EDF CLIENTS");
        line(LocalDate.of(2025, 6, 15), "-30.00", "PRLV SEPA ENGIE GAZ NATUREL");
        write();

        CarbonEstimate.Month june = estimate(factors(FACTORS)).months().getFirst();

        assertThat(june.spending()).singleElement().satisfies(gas -> {
            assertThat(gas.category()).isEqualTo(MoneyCategory.ENERGY);
            assertThat(gas.euros()).isEqualByComparingTo("30.00");
            assertThat(gas.kilograms()).isCloseTo(30 * 0.2, within(1e-6));
        });
        assertThat(june.leftOut()).singleElement().satisfies(electricity -> {
            assertThat(electricity.euros()).isEqualByComparingTo("40.00");
            assertThat(electricity.covered()).contains("readings");
        });
    }

    @Test
    void aMonthTheLocationHistoryCoversOnFewerThanHalfItsDaysLeavesItsTicketsCountedPerEuro() {
        for (int day = 1; day <= 14; day++) {
            point(LocalDate.of(2025, 6, day).atStartOfDay(TestVaults.PARIS).plusHours(3).toInstant(), PARIS_LATITUDE,
                    Optional.empty());
        }
        line(LocalDate.of(2025, 6, 13), "-50.00", "CB SNCF VOYAGEURS");
        write();

        CarbonEstimate.Month june = estimate(factors(FACTORS)).months().get(0);

        assertThat(june.leftOut()).isEmpty();
        assertThat(june.spending()).singleElement().satisfies(tickets -> {
            assertThat(tickets.category()).isEqualTo(MoneyCategory.TRANSPORT);
            assertThat(tickets.kilograms()).isCloseTo(40, within(1e-6));
        });
    }

    @Test
    void pointsWithoutActivityAreToldBySpeedAndDistanceAndSaySo() {
        // 100 km with nothing recognized, from the last point at home to the first at the other end: 61 minutes, under
        // 100 km/h on average, which a car keeps as well as a train.
        train(Instant.parse("2025-06-10T07:00:00Z"), "");
        write();

        CarbonEstimate.Month june = estimate(factors(FACTORS)).months().get(0);

        assertThat(june.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.mode()).isEqualTo(CarbonMode.CAR);
            assertThat(leg.recognized()).isFalse();
            assertThat(leg.kilometres()).isCloseTo(100, within(0.01));
            assertThat(Duration.between(leg.start(), leg.end())).isEqualTo(Duration.ofMinutes(61));
        });
        assertThat(june.travel()).singleElement().satisfies(travel -> {
            assertThat(travel.recognizedKilometres()).isZero();
            assertThat(travel.kilograms()).isCloseTo(20, within(0.01));
        });
    }

    @Test
    void aTripTheSourceRecordedIsOneLegMadeTheWayItSaysAndItsPointsAreNotCountedAgain() {
        Instant start = Instant.parse("2025-06-10T07:30:00Z");
        drafts.add(RecordDraft.of(TimeSpan.between(start, start.plus(Duration.ofHours(1))), new GeoTrip(PARIS_LATITUDE,
                PARIS_LONGITUDE, PARIS_LATITUDE + HUNDRED_KILOMETRES, PARIS_LONGITUDE, Optional.of("IN_PASSENGER_VEHICLE"),
                Optional.of(112_000L), List.of()), Position.line(drafts.size() + 1)));
        train(Instant.parse("2025-06-10T07:00:00Z"), "IN_PASSENGER_VEHICLE");
        write();

        CarbonEstimate.Month june = estimate(factors(FACTORS)).months().get(0);

        assertThat(june.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.mode()).isEqualTo(CarbonMode.CAR);
            assertThat(leg.recognized()).isTrue();
            assertThat(leg.kilometres()).isEqualTo(112.0);
            assertThat(leg.records()).singleElement().satisfies(id -> assertThat(id.type()).isEqualTo(RecordType.GEO_TRIP));
        });
        assertThat(june.kilograms()).isCloseTo(112 * 0.2, within(1e-9));
    }

    @Test
    void theThresholdsTellTheWaysApart() {
        CarbonInference.Activity none = CarbonInference.Activity.NONE;
        assertThat(CarbonInference.mode(2_000, 1_800, none)).isEqualTo(CarbonMode.WALKING);
        assertThat(CarbonInference.mode(5_000, 1_200, none)).isEqualTo(CarbonMode.CYCLING);
        assertThat(CarbonInference.mode(10_000, 900, none)).isEqualTo(CarbonMode.CAR);
        assertThat(CarbonInference.mode(80_000, 3_600, none)).isEqualTo(CarbonMode.CAR);
        assertThat(CarbonInference.mode(450_000, 7_200, none)).isEqualTo(CarbonMode.TRAIN_HIGH_SPEED);
        assertThat(CarbonInference.mode(700_000, 5_400, none)).isEqualTo(CarbonMode.PLANE_SHORT_HAUL);
        assertThat(CarbonInference.mode(2_000_000, 10_800, none)).isEqualTo(CarbonMode.PLANE_MEDIUM_HAUL);
        CarbonInference.Activity rail = CarbonInference.Activity.of(Optional.of("IN_RAIL_VEHICLE"));
        assertThat(CarbonInference.mode(3_000, 900, rail)).isEqualTo(CarbonMode.TRAM_METRO);
        assertThat(CarbonInference.mode(90_000, 3_600, rail)).isEqualTo(CarbonMode.TRAIN_REGIONAL);
        assertThat(CarbonInference.mode(3_000, 900, CarbonInference.Activity.of(Optional.of("in bus"))))
                .isEqualTo(CarbonMode.BUS);
        assertThat(CarbonInference.mode(3_000, 900, CarbonInference.Activity.of(Optional.of("IN_PASSENGER_VEHICLE"))))
                .isEqualTo(CarbonMode.CAR);
        assertThat(CarbonInference.Activity.of(Optional.of("STILL"))).isEqualTo(CarbonInference.Activity.NONE);
    }

    @Test
    void aMalformedFactorsFileIsRefusedNamingItsLineAndTheEstimateSaysItCannotCompute() {
        assertThat(refusal(FACTORS.replace("car;0.2;", "car;lots;")))
                .isEqualTo("the carbon factors file test.csv, line 7: 'lots' is not a number of kilograms such as 0.052");
        assertThat(refusal(FACTORS.replace("bus;0.1;passenger-km", "bus;0.1;km")))
                .isEqualTo("the carbon factors file test.csv, line 6: 'km' is not the unit of bus, which is counted per"
                        + " passenger-km");
        assertThat(refusal(FACTORS.replace("2024-01-01;a test\nwalking", "1 Jan 2024;a test\nwalking")))
                .isEqualTo("the carbon factors file test.csv, line 2: '1 Jan 2024' is not a day written YYYY-MM-DD");
        assertThat(refusal(FACTORS + "boat;0.1;passenger-km;2024-01-01;a test\n")).startsWith(
                "the carbon factors file test.csv, line 21: 'boat' is no factor's key; the keys are electricity, walking,");
        assertThat(refusal(FACTORS + "car;0.1;passenger-km;2024-01-01;a test\n"))
                .isEqualTo("the carbon factors file test.csv, line 21: 'car' was already given on line 7");
        assertThat(refusal(FACTORS.replace("bus;0.1;passenger-km;2024-01-01;a test", "bus;0.1;passenger-km;2024-01-01")))
                .isEqualTo("the carbon factors file test.csv, line 6: a factor's line has 5 values separated by ';' (key,"
                        + " kgCO2e per unit, unit, date, source); this one has 4");
        assertThat(refusal(FACTORS.replace("spending-health;0.2;euro;2024-01-01;a test\n", "")))
                .isEqualTo("the carbon factors file test.csv has no 'spending-health' line");

        line(LocalDate.of(2025, 6, 12), "-100.00", "CB CARREFOUR CITY");
        write();
        CarbonEstimate estimate = new Carbon(Gate.over(vault.vault()), () -> factors(FACTORS.replace("car;0.2;", "car;lots;")))
                .estimate(vault.camille(), JUNE_AND_JULY);
        assertThat(estimate.months()).isEmpty();
        assertThat(Words.english().say(estimate.uncomputed().orElseThrow()))
                .startsWith("the carbon factors file test.csv, line 7");
    }

    @Test
    void theShippedFactorsGiveEveryKeyWithItsSource() {
        CarbonFactors factors = CarbonFactors.standard();

        assertThat(factors.electricity().kilograms()).isEqualByComparingTo("0.052");
        for (CarbonMode mode : CarbonMode.values()) {
            assertThat(factors.travel(mode).source()).contains("ADEME");
        }
        for (MoneyCategory category : CarbonSpending.COUNTED) {
            assertThat(factors.spending(category).rough()).isTrue();
        }
        assertThat(factors.travel(CarbonMode.WALKING).kilograms()).isZero();
        assertThat(factors.travel(CarbonMode.TRAIN_HIGH_SPEED).kilograms())
                .isLessThan(factors.travel(CarbonMode.CAR).kilograms());
    }

    private CarbonEstimate estimate(CarbonFactors factors) {
        return new Carbon(Gate.over(vault.vault()), () -> factors).estimate(vault.camille(), JUNE_AND_JULY);
    }

    /**
     * Half an hour at home in Paris, a point a minute; an hour going 100 km due north, a point a minute, each carrying the
     * activity given (none when blank); half an hour at the other end.
     */
    private void train(Instant start, String activity) {
        Optional<String> recognized = activity.isBlank() ? Optional.empty() : Optional.of(activity);
        for (int minute = 0; minute < 30; minute++) {
            point(start.plus(Duration.ofMinutes(minute)), PARIS_LATITUDE, Optional.empty());
        }
        Instant leave = start.plus(Duration.ofMinutes(30));
        for (int minute = 1; minute <= 60; minute++) {
            point(leave.plus(Duration.ofMinutes(minute)), PARIS_LATITUDE + HUNDRED_KILOMETRES * minute / 60, recognized);
        }
        for (int minute = 61; minute <= 90; minute++) {
            point(leave.plus(Duration.ofMinutes(minute)), PARIS_LATITUDE + HUNDRED_KILOMETRES, Optional.empty());
        }
    }

    private void point(Instant at, double latitude, Optional<String> activity) {
        drafts.add(RecordDraft.of(TimeSpan.at(at), new GeoPoint(latitude, PARIS_LONGITUDE, Optional.of(10), Optional.empty(),
                Optional.empty(), activity, Optional.empty()), Position.line(drafts.size() + 1)));
    }

    private void reading(LocalDate day, long wattHours) {
        drafts.add(RecordDraft.of(TimeSpan.day(day, TestVaults.PARIS), new EnergyReading("PRM1", EnergyReading.Quantity.ENERGY,
                BigDecimal.valueOf(wattHours), Optional.empty(), Optional.empty()), Position.line(drafts.size() + 1)));
    }

    private void line(LocalDate day, String amount, String label) {
        drafts.add(RecordDraft.of(TimeSpan.day(day, TestVaults.PARIS), new BankTransaction("FR76", day, Optional.empty(),
                new BigDecimal(amount), "EUR", label, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()), Position.line(drafts.size() + 1)));
    }

    private void write() {
        vault.vault().imports().write(vault.camille().id(), new ImportRequest(SourceDescriptor.file("Test", "mixed"), "test",
                "mixed.txt"), drafts.stream());
        drafts.clear();
    }

    private static CarbonFactors factors(String text) {
        try {
            return CarbonFactors.read("test.csv", new StringReader(text));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String refusal(String text) {
        try {
            factors(text);
        }
        catch (SelfdataException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            return Words.english().say(e.wording().orElseThrow());
        }
        throw new AssertionError("the factors were read");
    }
}
