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
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.Person;
import org.selfdata.model.Precision;
import org.selfdata.services.Reveal;
import org.selfdata.services.RevealCorrections;
import org.selfdata.services.RevealInference;
import org.selfdata.services.RevealLens;
import org.selfdata.services.RevealedLocations;
import org.selfdata.services.RevealedPlace;
import org.selfdata.texts.Wording;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the demo person's locations reveal, checked against the places the generator put her in: her home and her
 * campus. A term and a half is enough nights and weekdays for every conclusion, and quick to generate and import.
 */
class DemoRevealsTest {
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

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
