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
import org.selfdata.model.PlaceVerdict;
import org.selfdata.services.AcrossFindings;
import org.selfdata.services.AcrossSources;
import org.selfdata.services.AwayUse;
import org.selfdata.services.Carbon;
import org.selfdata.services.CarbonMode;
import org.selfdata.services.Commute;
import org.selfdata.services.CarbonFactors;
import org.selfdata.services.Energy;
import org.selfdata.services.Recurring;
import org.selfdata.services.RecurringPeriod;
import org.selfdata.services.Reveal;
import org.selfdata.services.RevealConfidence;
import org.selfdata.services.RevealCorrections;
import org.selfdata.services.RevealInference;
import org.selfdata.services.RevealLens;
import org.selfdata.services.RevealedPlace;
import org.selfdata.services.TariffTable;
import org.selfdata.services.VenueSubscription;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

/**
 * What the demo person's sources tell together, checked against what the generator does: on the days she spends away
 * from Lyon, her meter draws only the 60 to 90 W that stay on ({@link LoadCurveWriter}); she goes to her lectures by
 * tram or, one day in three, by bicycle ({@link Itinerary}) with a monthly tram pass; and she pays a gym every month
 * ({@link BankStatementWriter}) that her locations never take her to. A term and a half, with its
 * Christmas in Brittany and its weekends in Annecy, is enough of both.
 */
class DemoAcrossSourcesTest {
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 9, 2);
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 1, 31);

    @TempDir
    static Path folder;
    private static Vault vault;
    private static Person camille;
    private static DemoPerson demo;
    private static AcrossSources across;

    @BeforeAll
    static void importHerFiles() {
        vault = TestVaults.create(Engine.SQLITE, folder.resolve("vault"));
        camille = vault.people().create(DemoPerson.HANDLE, DemoPerson.ZONE);
        demo = DemoPerson.generate(2024, FIRST_DAY, LAST_DAY);
        DemoFiles files = demo.write(folder.resolve("files"));
        Intake intake = new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT);
        for (DemoFile file : files.files()) {
            if (Set.of("ofx", "google-records", "linky-load-curve").contains(file.format())) {
                intake.importPath(camille, file.path(), ImportMode.STRICT, IntakeListener.NONE);
            }
        }
        Gate gate = Gate.over(vault);
        across = new AcrossSources(new Reveal(gate, new RevealCorrections(vault.placeCorrections())), new Energy(gate),
                new Recurring(gate, Clock.systemUTC()), TariffTable::standard, new Carbon(gate, CarbonFactors::standard));
    }

    @AfterAll
    static void closeTheVault() {
        vault.close();
    }

    @Test
    void theWholeDaysSheSpentAwayAreFoundAndHerHomeDrewOnlyWhatStaysOnThen() {
        AcrossFindings findings = across.findings(camille);

        assertThat(findings.away()).isInstanceOf(RevealInference.Found.class);
        RevealInference.Found<AwayUse> found = (RevealInference.Found<AwayUse>) findings.away();
        AwayUse away = found.finding();
        Set<LocalDate> measured = away.periods().stream()
                .flatMap(period -> period.first().datesUntil(period.last().plusDays(1)))
                .collect(Collectors.toSet());
        Set<LocalDate> reallyAway = FIRST_DAY.plusDays(1).datesUntil(LAST_DAY)
                .filter(day -> demo.schedule().whereabouts(day.minusDays(1)) != Whereabouts.LYON
                        && demo.schedule().whereabouts(day) != Whereabouts.LYON)
                .collect(Collectors.toSet());
        assertThat(reallyAway).as("Christmas in Brittany at least").hasSizeGreaterThan(10);
        assertThat(reallyAway).containsAll(measured);
        assertThat(measured.size()).as("days away found, of %d", reallyAway.size())
                .isGreaterThanOrEqualTo((int) Math.ceil(reallyAway.size() * 0.9));
        assertThat(away.days()).isEqualTo(measured.size());
        assertThat(away.meanWatts()).as("60 to 90 W drawn evenly").isBetween(72.0, 78.0);
        assertThat(away.kilowattHours()).isCloseTo(away.days() * 24 * 0.075, withPercentage(5));
        assertThat(away.leftOn()).isFalse();
        assertThat(away.periods()).noneMatch(AwayUse.Period::leftOn);
        assertThat(away.homeMeanWatts()).get().as("her days at home, with her water heater and her evenings")
                .satisfies(watts -> assertThat(watts).isGreaterThan(3 * away.meanWatts()));
        assertThat(away.cost()).get().satisfies(cost -> assertThat(cost)
                .isEqualByComparingTo(new BigDecimal("0.2016").multiply(BigDecimal.valueOf(away.kilowattHours()))
                        .setScale(2, RoundingMode.HALF_EVEN)));
        assertThat(found.evidence().records()).isNotEmpty();
        assertThat(found.confidence().level()).isEqualTo(RevealConfidence.Level.HIGH);
    }

    @Test
    void herJourneysBetweenHomeAndCampusAreFoundWithTheWaySheMadeThemAndHerTramPassIsSharedAmongHerRides() {
        List<Stop> stops = demo.stops();
        List<Stop.Mode> madeWays = new ArrayList<>();
        for (int index = 1; index < stops.size(); index++) {
            Place from = stops.get(index - 1).place();
            Place to = stops.get(index).place();
            if (from.equals(Place.HOME) && to.equals(Place.CAMPUS) || from.equals(Place.CAMPUS) && to.equals(Place.HOME)) {
                madeWays.add(stops.get(index).mode());
            }
        }
        long byTram = madeWays.stream().filter(mode -> mode == Stop.Mode.IN_TRAM).count();
        long byBicycle = madeWays.stream().filter(mode -> mode == Stop.Mode.ON_BICYCLE).count();

        RevealInference<Commute> found = across.findings(camille).commute();

        assertThat(found).isInstanceOf(RevealInference.Found.class);
        Commute commute = ((RevealInference.Found<Commute>) found).finding();
        assertThat(madeWays).as("a term and a half of lectures").hasSizeGreaterThan(100);
        assertThat(commute.journeys()).as("journeys found, of %d made", madeWays.size())
                .isBetween((int) (madeWays.size() * 0.9), madeWays.size());
        Map<CarbonMode, Integer> ways = commute.ways().stream()
                .collect(Collectors.toMap(Commute.Way::mode, Commute.Way::journeys));
        assertThat(ways).containsOnlyKeys(CarbonMode.TRAM_METRO, CarbonMode.CYCLING, CarbonMode.WALKING);
        assertThat((double) ways.get(CarbonMode.TRAM_METRO) / commute.journeys())
                .isCloseTo((double) byTram / madeWays.size(), within(0.1));
        assertThat((double) ways.get(CarbonMode.CYCLING) / commute.journeys())
                .isCloseTo((double) byBicycle / madeWays.size(), within(0.1));
        double straight = Itinerary.distanceMeters(Place.HOME, Place.CAMPUS) / 1000;
        assertThat(commute.kilometres() / commute.journeys()).as("km a journey, %.2f as the crow flies", straight)
                .isBetween(straight * 0.9, straight * 1.5);
        assertThat(commute.kilograms()).get().satisfies(kilograms -> assertThat(kilograms).isPositive());
        assertThat(commute.pass()).get().satisfies(pass -> {
            assertThat(pass.payee()).isEqualTo("TCL SYTRAL ABONNEMENT");
            assertThat(pass.payments()).isEqualTo(5);
            assertThat(pass.paid()).isEqualByComparingTo("125.00");
            int ridden = ways.get(CarbonMode.TRAM_METRO);
            assertThat(pass.perJourney()).contains(new BigDecimal("125.00").divide(BigDecimal.valueOf(ridden), 2,
                    RoundingMode.HALF_EVEN));
        });
    }

    @Test
    void herGymIsFoundNeverVisitedAndHerOtherSubscriptionsAreNotTakenForPlaces() {
        AcrossFindings findings = across.findings(camille);

        assertThat(findings.venuesUnchecked()).isEmpty();
        assertThat(findings.venues()).extracting(found -> found.finding().payee()).containsExactly("FITNESS PARK LYON");
        VenueSubscription gym = findings.venues().getFirst().finding();
        assertThat(gym.period()).isEqualTo(RecurringPeriod.MONTHLY);
        assertThat(gym.visited()).isFalse();
        assertThat(gym.since()).isEqualTo(LocalDate.of(2024, 9, 3));
        assertThat(gym.payments()).isEqualTo(5);
        assertThat(gym.paid()).isEqualByComparingTo(gym.typical().multiply(BigDecimal.valueOf(5)));
        assertThat(findings.venues().getFirst().evidence().records()).hasSize(5);
        assertThat(findings.venues().getFirst().confidence().level()).isEqualTo(RevealConfidence.Level.HIGH);
    }

    @Test
    void aRegularPlaceSheNamesAfterTheGymCountsAsVisited() {
        Gate gate = Gate.over(vault);
        RevealCorrections corrections = new RevealCorrections(vault.placeCorrections());
        List<RevealInference.Found<RevealedPlace>> regular = new Reveal(gate, corrections)
                .locations(camille.id(), camille.zone(), RevealLens.exact()).regularPlaces();
        RevealedPlace friends = regular.stream().map(RevealInference.Found::finding)
                .filter(place -> Math.abs(place.latitude() - Place.FRIENDS.latitude()) < 0.003
                        && Math.abs(place.longitude() - Place.FRIENDS.longitude()) < 0.004)
                .findFirst().orElseThrow();
        corrections.correct(camille.id(), friends.key(), friends.latitude(), friends.longitude(), PlaceVerdict.NAMED,
                Optional.of("Fitness Park"));

        AcrossFindings findings = across.findings(camille);

        assertThat(findings.venues()).singleElement().satisfies(found -> {
            assertThat(found.finding().visited()).isTrue();
            assertThat(found.finding().place()).get().extracting(RevealedPlace::key).isEqualTo(friends.key());
        });
        corrections.withdraw(camille.id(), friends.key());
        assertThat(across.findings(camille).venues()).singleElement()
                .satisfies(found -> assertThat(found.finding().visited()).isFalse());
    }
}

