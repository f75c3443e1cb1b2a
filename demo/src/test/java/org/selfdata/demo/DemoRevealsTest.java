package org.selfdata.demo;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
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
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.Person;
import org.selfdata.model.PlaceCorrection;
import org.selfdata.model.Precision;
import org.selfdata.model.Purpose;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordType;
import org.selfdata.services.Reveal;
import org.selfdata.services.RevealComparison;
import org.selfdata.services.RevealCorrections;
import org.selfdata.services.RevealInference;
import org.selfdata.services.RevealLens;
import org.selfdata.services.RevealedComparison;
import org.selfdata.services.RevealedLocations;
import org.selfdata.services.RevealedPlace;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the demo person's locations reveal, checked against the places the generator put her in: her home and her
 * campus. A term and a half is enough nights and weekdays for every conclusion, and quick to generate and import.
 */
class DemoRevealsTest {
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    /** The whole term the demo person lives through. */
    private static final CoveredPeriod TERM = new CoveredPeriod.Between(Instant.parse("2024-09-01T00:00:00Z"),
            Instant.parse("2025-02-01T00:00:00Z"));
    /** One weekday's daytime, in Lyon: no night at all. */
    private static final CoveredPeriod ONE_DAYTIME = new CoveredPeriod.Between(Instant.parse("2024-10-01T06:00:00Z"),
            Instant.parse("2024-10-01T18:00:00Z"));

    @TempDir
    static Path folder;
    private static Vault vault;
    private static Person camille;
    private static Reveal reveal;

    @BeforeAll
    static void importTheDemoLocations() {
        vault = TestVaults.create(Engine.SQLITE, folder.resolve("vault"));
        camille = vault.people().create(DemoPerson.HANDLE, DemoPerson.ZONE);
        DemoFiles files = DemoPerson.generate(2024, LocalDate.of(2024, 9, 2), LocalDate.of(2025, 1, 31))
                .write(folder.resolve("files"));
        Intake intake = new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT);
        DemoFile locations = files.files().stream().filter(file -> file.format().equals("google-records")).findFirst()
                .orElseThrow();
        intake.importPath(camille, locations.path(), ImportMode.STRICT, IntakeListener.NONE);
        reveal = new Reveal(Gate.over(vault), new RevealCorrections(vault.placeCorrections()));
    }

    @AfterAll
    static void closeTheVault() {
        vault.close();
    }

    @Test
    void herHomeAndHerPlaceOfStudyAreFoundUnderTheNamesSheGaveThem() {
        List<String> named = DemoPlaces.name(vault, Gate.over(vault), camille);

        RevealedLocations found = reveal.locations(camille.id(), DemoPerson.ZONE, RevealLens.exact());
        assertThat(named).containsExactly("Chez moi", "Fac");
        assertThat(place(found.home()).yours().flatMap(PlaceCorrection::name)).contains("Chez moi");
        assertThat(place(found.study()).yours().flatMap(PlaceCorrection::name)).contains("Fac");
        assertThat(vault.placeCorrections().current(camille.id())).hasSize(2);
    }

    @Test
    void fromExactPointsHomeIsWithinFiftyMetresAndTheCampusWithinAHundred() {
        RevealedLocations found = reveal.locations(camille.id(), DemoPerson.ZONE, RevealLens.exact());

        RevealedPlace home = place(found.home());
        RevealedPlace study = place(found.study());
        assertThat(metres(home.latitude(), home.longitude(), Place.HOME)).isLessThan(50);
        assertThat(metres(study.latitude(), study.longitude(), Place.CAMPUS)).isLessThan(100);
    }

    @Test
    void atH3ResolutionSevenHomeIsPlacedNoCloserThanItsCell() throws IOException {
        RevealedLocations found = reveal.locations(camille.id(), DemoPerson.ZONE,
                received(LocationPrecision.h3(7)));

        H3Core h3 = H3Core.newInstance();
        long cell = h3.latLngToCell(Place.HOME.latitude(), Place.HOME.longitude(), 7);
        LatLng centre = h3.cellToLatLng(cell);
        long cornerMetres = Math.round(h3.cellToBoundary(cell).stream()
                .mapToDouble(corner -> metres(corner.lat, corner.lng, centre.lat, centre.lng)).max().orElseThrow());
        RevealedPlace home = place(found.home());
        assertThat(home.latitude()).isCloseTo(centre.lat, within(1e-9));
        assertThat(home.longitude()).isCloseTo(centre.lng, within(1e-9));
        assertThat(home.withinMetres()).isEqualTo(cornerMetres).isGreaterThan(1_000);
        assertThat(metres(home.latitude(), home.longitude(), Place.HOME)).isLessThanOrEqualTo(home.withinMetres());
    }

    @Test
    void atRegionPrecisionNoHomeIsFoundOnlyTheRegionOfTheNights() {
        RevealedLocations found = reveal.locations(camille.id(), DemoPerson.ZONE, received(LocationPrecision.REGION));

        assertThat(found.home()).isEqualTo(new RevealInference.Unknown<>(
                Wording.of("reveal.imprecise.area", "Auvergne-Rhône-Alpes")));
        assertThat(found.study()).isEqualTo(found.home());
        assertThat(found.regularPlaces()).isEmpty();
        assertThat(found.periodsAway()).isEmpty();
    }

    @Test
    void termsAtExactPrecisionLetARecipientFindHomeStudyPlacesAndRoutine() {
        RevealedComparison exact = compared(terms(LocationPrecision.EXACT, TERM));

        assertThat(exact).isEqualTo(new RevealedComparison(true, 100_513, new RevealedComparison.Place(true,
                Optional.of(10L), 150), new RevealedComparison.Place(true, Optional.of(10L), 150), 2, 2, true,
                Optional.empty()));
        assertThat(english(exact.finds())).containsExactly("your home, to within 10 m",
                "your place of work or study, to within 10 m",
                "2 of your regular places (2 in all), told apart from one another",
                "your weekly routine: when you leave home and come back");
        assertThat(exact.cannotFind()).isEmpty();
    }

    @Test
    void termsAtRegionPrecisionLetARecipientFindOnlyTheRegionOfTheNights() {
        RevealedComparison region = compared(terms(LocationPrecision.REGION, TERM));

        assertThat(region).isEqualTo(new RevealedComparison(true, 100_513, RevealedComparison.Place.NOT_FOUND,
                RevealedComparison.Place.NOT_FOUND, 2, 0, false, Optional.of("Auvergne-Rhône-Alpes")));
        assertThat(english(region.finds())).containsExactly("only that you live in Auvergne-Rhône-Alpes");
        assertThat(english(region.cannotFind())).containsExactly("your home", "your place of work or study",
                "2 of your regular places (2 in all), lost among the others", "your weekly routine");
        assertThat(Words.of(Language.FRENCH).say(region.finds().getFirst()))
                .isEqualTo("seulement la zone où vous habitez : Auvergne-Rhône-Alpes");
    }

    @Test
    void termsAtH3ResolutionSevenPlaceHomeAndStudyHundredsOfMetresOffYetKeepPlacesAndRoutine() {
        RevealedComparison cells = compared(terms(LocationPrecision.h3(7), TERM));

        assertThat(cells).isEqualTo(new RevealedComparison(true, 100_513, new RevealedComparison.Place(true,
                Optional.of(830L), 1_427), new RevealedComparison.Place(true, Optional.of(780L), 1_427), 2, 2, true,
                Optional.empty()));
        assertThat(english(cells.finds())).startsWith("your home, to within 830 m",
                "your place of work or study, to within 780 m");
    }

    @Test
    void termsWhosePeriodHoldsNoNightLetNoHomeBeFound() {
        RevealedComparison daytime = compared(terms(LocationPrecision.EXACT, ONE_DAYTIME));

        assertThat(daytime).isEqualTo(new RevealedComparison(true, 456, RevealedComparison.Place.NOT_FOUND,
                RevealedComparison.Place.NOT_FOUND, 2, 0, false, Optional.empty()));
        assertThat(daytime.finds()).isEmpty();
        assertThat(english(daytime.cannotFind())).startsWith("your home");
    }

    @Test
    void termsWithoutLocationTypesLetNothingBeFoundFromLocationsAndSaySo() {
        Instant now = Instant.parse("2025-03-01T00:00:00Z");
        RevealedComparison energy = compared(RevealLens.terms(terms(LocationPrecision.EXACT, TERM, now)
                .withData(Set.of(RecordType.ENERGY_READING), Set.of(), Precision.EXACT), now));

        assertThat(energy.locations()).isFalse();
        assertThat(energy.received()).isZero();
        assertThat(english(energy.finds())).isEmpty();
        assertThat(english(energy.cannotFind())).containsExactly("anything from your locations: none are shared");
    }

    @Test
    void writeTermsLetNothingBeFoundFromLocationsAndSaySo() {
        Instant now = Instant.parse("2025-03-01T00:00:00Z");
        GrantTerms write = terms(LocationPrecision.EXACT, TERM, now);
        RevealedComparison pushed = compared(RevealLens.terms(new GrantTerms(write.recipient(), 1, GrantKind.WRITE,
                write.purpose(), write.purposeDescription(), write.legalBasis(), write.types(), write.categories(),
                write.fields(), write.precision(), write.covered(), write.validFrom(), write.validUntil(),
                write.retention(), write.volumeLimit()), now));

        assertThat(pushed.locations()).isFalse();
        assertThat(english(pushed.cannotFind())).containsExactly("anything from your locations: none are shared");
    }

    private static RevealedComparison compared(RevealLens lens) {
        return new RevealComparison(reveal).compare(camille.id(), DemoPerson.ZONE, List.of(lens)).getFirst();
    }

    private static List<String> english(List<Wording> wordings) {
        Words words = Words.of(Language.ENGLISH);
        return wordings.stream().map(words::say).toList();
    }

    private static RevealLens terms(LocationPrecision location, CoveredPeriod covered) {
        Instant now = Instant.parse("2025-03-01T00:00:00Z");
        return RevealLens.terms(terms(location, covered, now), now);
    }

    private static GrantTerms terms(LocationPrecision location, CoveredPeriod covered, Instant now) {
        return new GrantTerms(RecipientId.of("payments"), 1, GrantKind.READ, Purpose.SERVICE_PROVISION,
                "opening hours nearby", LegalBasis.CONSENT, Set.of(RecordType.GEO_POINT, RecordType.GEO_VISIT), Set.of(),
                Set.of(), Precision.EXACT.withLocation(location), covered, now, now.plus(Duration.ofDays(30)),
                Duration.ofDays(30), 1_000);
    }

    private static RevealLens received(LocationPrecision location) {
        return new RevealLens.Received(Precision.EXACT.withLocation(location));
    }

    private static RevealedPlace place(RevealInference<RevealedPlace> inference) {
        assertThat(inference).isInstanceOf(RevealInference.Found.class);
        return ((RevealInference.Found<RevealedPlace>) inference).finding();
    }

    private static double metres(double latitude, double longitude, Place place) {
        return metres(latitude, longitude, place.latitude(), place.longitude());
    }

    private static double metres(double fromLatitude, double fromLongitude, double toLatitude, double toLongitude) {
        double latitudeChange = Math.toRadians(toLatitude - fromLatitude);
        double longitudeChange = Math.toRadians(toLongitude - fromLongitude);
        double a = Math.pow(Math.sin(latitudeChange / 2), 2) + Math.cos(Math.toRadians(fromLatitude))
                * Math.cos(Math.toRadians(toLatitude)) * Math.pow(Math.sin(longitudeChange / 2), 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
