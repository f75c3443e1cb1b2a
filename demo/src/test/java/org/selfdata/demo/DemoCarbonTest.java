package org.selfdata.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.gate.Gate;
import org.selfdata.importers.Importers;
import org.selfdata.intake.ImportMode;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.intake.IntakeListener;
import org.selfdata.model.Person;
import org.selfdata.services.Carbon;
import org.selfdata.services.CarbonEstimate;
import org.selfdata.services.CarbonFactors;
import org.selfdata.services.CarbonLeg;
import org.selfdata.services.CarbonMode;
import org.selfdata.services.MoneyPeriod;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

/**
 * The ways the demo person travelled, as the carbon estimate reads them from her location history, against the stops the
 * generator drew that history from ({@link Itinerary}): walking, cycling, the tram in town and the train out of it.
 * Her phone names the tram and the train alike ("in a rail vehicle"), so only the distance tells them apart; the points
 * run straight from place to place, so the distance to compare with is the straight line between the places.
 */
class DemoCarbonTest {
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 9, 2);
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 1, 31);

    @TempDir
    static Path folder;
    private static Vault vault;
    private static List<CarbonLeg> found;
    private static List<Travelled> truth;
    private static CarbonEstimate estimate;

    /** A move the generator drew, from one stop to the next. */
    private record Travelled(Stop from, Stop to) {
        CarbonMode mode() {
            return switch (to.mode()) {
                case WALKING -> CarbonMode.WALKING;
                case ON_BICYCLE -> CarbonMode.CYCLING;
                case IN_TRAM -> CarbonMode.TRAM_METRO;
                case IN_TRAIN -> CarbonMode.TRAIN_REGIONAL;
            };
        }

        double kilometres() {
            return Itinerary.distanceMeters(from.place(), to.place()) / 1000;
        }
    }

    @BeforeAll
    static void importHerLocationHistory() {
        vault = TestVaults.create(Engine.SQLITE, folder.resolve("vault"));
        Person camille = vault.people().create(DemoPerson.HANDLE, DemoPerson.ZONE);
        DemoPerson demo = DemoPerson.generate(2024, FIRST_DAY, LAST_DAY);
        Path locations = folder.resolve("Records.json");
        demo.locations(locations);
        new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT)
                .importPath(camille, locations, ImportMode.STRICT, IntakeListener.NONE);
        estimate = new Carbon(Gate.over(vault), CarbonFactors::standard)
                .estimate(camille, new MoneyPeriod(YearMonth.from(FIRST_DAY), YearMonth.from(LAST_DAY)));
        found = estimate.months().stream().flatMap(month -> month.legs().stream()).toList();
        List<Stop> stops = demo.stops();
        truth = new ArrayList<>();
        for (int index = 1; index < stops.size(); index++) {
            if (!stops.get(index).place().equals(stops.get(index - 1).place())) {
                truth.add(new Travelled(stops.get(index - 1), stops.get(index)));
            }
        }
    }

    @AfterAll
    static void closeTheVault() {
        vault.close();
    }

    /**
     * Her trains to Annecy, Grenoble and Vannes are within 10 % of the generated distance; so are her tram and bicycle
     * rides in Lyon.
     */
    @Test
    void theKilometresFoundByWayOfTravellingMatchTheGeneratedOnes() {
        Map<CarbonMode, Double> foundKilometres = new EnumMap<>(CarbonMode.class);
        found.forEach(leg -> foundKilometres.merge(train(leg.mode()), leg.kilometres(), Double::sum));
        Map<CarbonMode, Double> trueKilometres = new EnumMap<>(CarbonMode.class);
        truth.forEach(move -> trueKilometres.merge(move.mode(), move.kilometres(), Double::sum));
        System.out.println("Kilometres found " + foundKilometres + ", generated " + trueKilometres);
        assertThat(foundKilometres.keySet()).containsExactlyInAnyOrderElementsOf(trueKilometres.keySet());
        assertThat(foundKilometres.get(CarbonMode.TRAIN_REGIONAL)).as("train")
                .isCloseTo(trueKilometres.get(CarbonMode.TRAIN_REGIONAL), withPercentage(10));
        assertThat(foundKilometres.get(CarbonMode.TRAM_METRO)).as("tram")
                .isCloseTo(trueKilometres.get(CarbonMode.TRAM_METRO), withPercentage(10));
        assertThat(foundKilometres.get(CarbonMode.CYCLING)).as("cycling")
                .isCloseTo(trueKilometres.get(CarbonMode.CYCLING), withPercentage(10));
        assertThat(foundKilometres.get(CarbonMode.WALKING)).as("walking, with the drift of days spent in one wide place")
                .isCloseTo(trueKilometres.get(CarbonMode.WALKING), withPercentage(20));
    }

    /**
     * On a day her phone recognized no activity at all (a day in Annecy's old town without going out), the drift of its
     * fixes around a place wider than a stay's radius looks like slow walking: those legs weigh nothing, but make walking's
     * share of the legs the least sure.
     */
    @Test
    void theShareOfLegsMadeEachWayIsWithinTenPointsOfTheGeneratedShare() {
        Map<CarbonMode, Integer> foundLegs = count(found.stream().map(leg -> train(leg.mode())).toList());
        Map<CarbonMode, Integer> trueLegs = count(truth.stream().map(Travelled::mode).toList());
        System.out.println("Legs found " + foundLegs + ", generated " + trueLegs);
        for (CarbonMode mode : trueLegs.keySet()) {
            assertThat((double) foundLegs.getOrDefault(mode, 0) / found.size()).as(mode.term())
                    .isCloseTo((double) trueLegs.get(mode) / truth.size(), within(0.1));
        }
    }

    /**
     * A move is found made its way when the legs found over its time are mostly (by distance) made that way. The few
     * misses are the tram home after a train that stopped at the station for barely five minutes: both are in a rail
     * vehicle, with too short a break between them to tell them apart.
     */
    @Test
    void almostEveryGeneratedMoveIsFoundMadeTheWayItWasMade() {
        int matched = 0;
        for (Travelled move : truth) {
            Map<CarbonMode, Double> overlapping = new EnumMap<>(CarbonMode.class);
            found.stream().filter(leg -> leg.start().isBefore(move.to().arrive()) && leg.end().isAfter(move.from().leave()))
                    .forEach(leg -> overlapping.merge(train(leg.mode()), leg.kilometres(), Double::sum));
            CarbonMode likeliest = overlapping.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(null);
            if (likeliest == move.mode()) {
                matched++;
            }
            else {
                System.out.println("Missed " + move.from().leave() + " " + move.to().mode() + " " + move.kilometres()
                        + " km: " + overlapping);
            }
        }
        System.out.println("Matched " + matched + " of " + truth.size());
        assertThat((double) matched / truth.size()).isGreaterThanOrEqualTo(0.97);
    }

    /** Her Christmas trains to Vannes, over 600 km, are high-speed; her weekend trains to the Alps, under 200 km, regional. */
    @Test
    void herLongTrainsAreHighSpeedAndHerShortOnesRegional() {
        assertThat(found.stream().filter(leg -> leg.mode() == CarbonMode.TRAIN_HIGH_SPEED))
                .hasSize((int) truth.stream().filter(move -> move.mode() == CarbonMode.TRAIN_REGIONAL
                        && move.kilometres() > 200).count())
                .allSatisfy(leg -> assertThat(leg.kilometres()).isGreaterThan(600));
        CarbonEstimate.Travel december = estimate.months().stream().filter(month -> month.month().getMonthValue() == 12)
                .flatMap(month -> month.travel().stream()).filter(travel -> travel.mode() == CarbonMode.TRAIN_HIGH_SPEED)
                .findFirst().orElseThrow();
        assertThat(december.kilograms()).isCloseTo(december.kilometres() * 0.00293, within(1e-9));
        assertThat(december.factor().source()).contains("ADEME");
    }

    private static Map<CarbonMode, Integer> count(List<CarbonMode> modes) {
        Map<CarbonMode, Integer> counts = new EnumMap<>(CarbonMode.class);
        modes.forEach(mode -> counts.merge(mode, 1, Integer::sum));
        return counts;
    }

    private static CarbonMode train(CarbonMode mode) {
        return mode == CarbonMode.TRAIN_HIGH_SPEED ? CarbonMode.TRAIN_REGIONAL : mode;
    }
}
