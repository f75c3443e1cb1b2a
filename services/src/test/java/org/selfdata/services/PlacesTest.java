package org.selfdata.services;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.Gate;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.GeoTrip;
import org.selfdata.model.GeoVisit;
import org.selfdata.model.LogAction;
import org.selfdata.model.PlaceCorrection;
import org.selfdata.model.PlaceVerdict;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.VaultWithCamille;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.atIndex;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class PlacesTest {
    /** 08:00 in Lyon, on a summer morning. */
    private static final Instant MORNING = Instant.parse("2025-06-02T06:00:00Z");
    private static final double LATITUDE = 45.764;
    /** Each step of the walk moves 0.006° east, about 466 metres here: every point of it is far from the one before. */
    private static final double STEP = 0.006;
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    @RegisterExtension
    final VaultWithCamille fixture = new VaultWithCamille(Engine.SQLITE);
    private final Places places = new Places(Gate.over(fixture.vault()),
            new RevealCorrections(fixture.vault().placeCorrections()));
    private final H3Core h3 = PlacesTest.h3();
    /** Home is the centre of an H3 cell of resolution 8, so that points a few dozen metres around it stay in that cell. */
    private final LatLng home = h3.cellToLatLng(h3.latLngToCell(LATITUDE, 4.8357, 8));
    private final List<RecordDraft> drafts = new ArrayList<>();

    @Test
    void aHalfHourAtHomeAWalkAndThreeQuartersOfAnHourAtWorkAreTwoVisitsAndOneTrip() {
        stayAtHome(0, 30);
        walkEast(35);
        stayAtWork(55, 100);
        write();

        PlacesSummary summary = places.summary(fixture.camille().id(), PlacesQuery.all(8));

        assertThat(summary.points()).isEqualTo(7 + 4 + 10);
        assertThat(summary.visits()).isEqualTo(2);
        assertThat(summary.placeCount()).isEqualTo(2);
        assertThat(summary.places()).extracting(PlacesSummary.Place::rank, PlacesSummary.Place::visits,
                PlacesSummary.Place::timeSpent, PlacesSummary.Place::firstArrival, PlacesSummary.Place::name)
                .containsExactly(
                        tuple(1, 1L, Duration.ofMinutes(45), at(55), Optional.empty()),
                        tuple(2, 1L, Duration.ofMinutes(30), at(0), Optional.empty()));
        PlacesSummary.Place work = summary.places().getFirst();
        assertThat(work.latitude()).isCloseTo(home.lat, within(1e-9));
        assertThat(work.longitude()).isCloseTo(home.lng + 5 * STEP, within(1e-9));
        assertThat(summary.tripCount()).isEqualTo(1);
        PlacesSummary.Trip trip = summary.trips().getFirst();
        assertThat(trip.start()).isEqualTo(at(30));
        assertThat(trip.end()).isEqualTo(at(55));
        assertThat(trip.detected()).isTrue();
        // From home's last point to work's first, straight east along the parallel: R · cos(latitude) · 5 steps.
        assertThat((double) trip.distanceMeters()).isCloseTo(alongTheParallel(5 * STEP), within(1.0));
    }

    @Test
    void aPlaceThePersonNamedIsShownByTheirNameAndOneTheyOnlyConfirmedByTheSources() {
        stayAtHome(0, 30);
        walkEast(35);
        stayAtWork(55, 100);
        write();
        RevealCorrections corrections = new RevealCorrections(fixture.vault().placeCorrections());
        PlaceKeys keys = new PlaceKeys();
        // 40 metres north of where home's stay is found: within the stays' radius of it.
        double north = home.lat + 0.00036;
        corrections.correct(fixture.camille().id(), keys.key(north, home.lng), north, home.lng, PlaceVerdict.NAMED,
                Optional.of("Maison"));
        double workLongitude = home.lng + 5 * STEP;
        corrections.correct(fixture.camille().id(), keys.key(home.lat, workLongitude), home.lat, workLongitude,
                PlaceVerdict.CONFIRMED, Optional.empty());

        PlacesSummary summary = places.summary(fixture.camille().id(), PlacesQuery.all(8));

        assertThat(summary.places()).extracting(PlacesSummary.Place::rank, PlacesSummary.Place::name,
                place -> place.yours().map(PlaceCorrection::verdict)).containsExactly(
                        tuple(1, Optional.empty(), Optional.of(PlaceVerdict.CONFIRMED)),
                        tuple(2, Optional.of("Maison"), Optional.of(PlaceVerdict.NAMED)));
    }

    @Test
    void comingBackHomeAddsTheSecondStayToTheSamePlace() {
        stayAtHome(0, 30);
        walkEast(35);
        stayAtWork(55, 100);
        walkBack(105);
        stayAtHome(125, 145);
        write();

        PlacesSummary summary = places.summary(fixture.camille().id(), PlacesQuery.all(8));

        assertThat(summary.visits()).isEqualTo(3);
        assertThat(summary.placeCount()).isEqualTo(2);
        PlacesSummary.Place first = summary.places().getFirst();
        assertThat(first.visits()).isEqualTo(2);
        assertThat(first.timeSpent()).isEqualTo(Duration.ofMinutes(30 + 20));
        assertThat(first.firstArrival()).isEqualTo(at(0));
        assertThat(first.lastDeparture()).isEqualTo(at(145));
        assertThat(summary.tripCount()).isEqualTo(2);
        assertThat(summary.trips()).extracting(PlacesSummary.Trip::start).containsExactlyInAnyOrder(at(30), at(100));
    }

    @Test
    void aDayWithoutAStayBetweenTwoStaysIsNoTrip() {
        stayAtHome(0, 30);
        walkEast(35);
        stayAtWork(13 * 60, 13 * 60 + 30);
        write();

        PlacesSummary summary = places.summary(fixture.camille().id(), PlacesQuery.all(8));

        assertThat(summary.visits()).isEqualTo(2);
        assertThat(summary.tripCount()).isZero();
    }

    @Test
    void tenMinutesInOnePlaceIsNoStay() {
        stayAtHome(0, 10);
        walkEast(15);
        write();

        PlacesSummary summary = places.summary(fixture.camille().id(), PlacesQuery.all(8));

        assertThat(summary.visits()).isZero();
        assertThat(summary.places()).isEmpty();
        assertThat(summary.trips()).isEmpty();
    }

    @Test
    void theSourcesOwnVisitAndTripCountOnceAndNameThePlace() {
        stayAtHome(0, 30);
        walkEast(35);
        stayAtWork(55, 100);
        drafts.add(RecordDraft.of(TimeSpan.between(at(0), at(30)), new GeoVisit(home.lat, home.lng, Optional.of("Maison"),
                Optional.empty(), Optional.of("place-1"), Optional.of("HOME"), Optional.of(0.9)), Position.line(100)));
        drafts.add(RecordDraft.of(TimeSpan.between(at(30), at(55)), new GeoTrip(home.lat, home.lng, home.lat,
                home.lng + 5 * STEP, Optional.of("WALKING"), Optional.of(2_400L), List.of()), Position.line(101)));
        write();

        PlacesSummary summary = places.summary(fixture.camille().id(), PlacesQuery.all(8));

        assertThat(summary.visits()).isEqualTo(2);
        assertThat(summary.places()).extracting(PlacesSummary.Place::name)
                .containsExactly(Optional.empty(), Optional.of("Maison"));
        assertThat(summary.tripCount()).isEqualTo(1);
        assertThat(summary.trips()).extracting(PlacesSummary.Trip::distanceMeters, PlacesSummary.Trip::mode,
                PlacesSummary.Trip::detected).containsExactly(tuple(2_400L,
                        Optional.of("WALKING"), false));
    }

    @Test
    void theDensityCountsHomesPointsInHomesCell() {
        stayAtHome(0, 30);
        walkEast(35);
        write();

        PlacesDensity density = places.summary(fixture.camille().id(), PlacesQuery.all(8)).density();

        // Home's cell is the one H3 itself, the reference implementation of the grid, gives for home's centre: the
        // test takes the grid from H3 and checks only which points the service counted in it and how it draws it.
        String homeCell = h3.h3ToString(h3.latLngToCell(home.lat, home.lng, 8));
        assertThat(density.resolution()).isEqualTo(8);
        PlacesDensity.Cell first = density.cells().getFirst();
        assertThat(first.cell()).isEqualTo(homeCell);
        assertThat(first.points()).isEqualTo(7);
        assertThat(first.boundary()).hasSize(6);
        // A cell of resolution 8 has edges of about 460 metres: its corners lie that far from its centre, home.
        assertThat(first.boundary()).allSatisfy(corner -> assertThat(PlacesStays.metres(home.lat, home.lng,
                corner.latitude(), corner.longitude())).isBetween(300.0, 600.0));
        // The walk's four points, 466 metres apart, fall in cells about 900 metres across: some share one.
        assertThat(density.cells()).extracting(PlacesDensity.Cell::points).contains(7L, atIndex(0));
        assertThat(density.cells().stream().mapToLong(PlacesDensity.Cell::points).sum()).isEqualTo(7 + 4);
        assertThat(density.cellCount()).isEqualTo(density.cells().size()).isBetween(3, 5);
        assertThat(density.truncated()).isFalse();
    }

    @Test
    void theDensityWithinAViewLeavesOutThePointsBeyondIt() {
        stayAtHome(0, 30);
        walkEast(35);
        write();

        PlacesBounds westOfTheWalk = new PlacesBounds(home.lat - 0.01, home.lng - 0.01, home.lat + 0.01, home.lng + STEP / 2);
        PlacesDensity density = places.density(fixture.camille().id(), PlacesQuery.all(8), westOfTheWalk);

        assertThat(density.cells()).extracting(PlacesDensity.Cell::points).containsExactly(7L);
    }

    @Test
    void thePeriodKeepsTheStaysThatBeganWithinIt() {
        stayAtHome(0, 30);
        walkEast(35);
        stayAtWork(55, 100);
        write();

        PlacesSummary summary = places.summary(fixture.camille().id(),
                new PlacesQuery(Optional.of(at(50)), Optional.empty(), 8));

        assertThat(summary.points()).isEqualTo(1 + 10);
        assertThat(summary.places()).extracting(PlacesSummary.Place::timeSpent).containsExactly(Duration.ofMinutes(45));
    }

    @Test
    void eachSummaryIsOneReadOnTheLog() {
        stayAtHome(0, 30);
        write();

        places.summary(fixture.camille().id(), PlacesQuery.all(8));

        assertThat(fixture.vault().log().query(fixture.camille().id(), LogQuery.all()))
                .filteredOn(entry -> entry.action() == LogAction.READ)
                .singleElement()
                .satisfies(entry -> assertThat(entry.draft().count()).isEqualTo(7));
    }

    @Test
    void aResolutionOutsideSixToNineOrAPeriodEndingBeforeItBeginsIsRefused() {
        assertThatThrownBy(() -> PlacesQuery.all(10)).isInstanceOf(SelfdataException.class)
                .hasMessage("the density's resolution must be from 6 to 9, was 10");
        assertThatThrownBy(() -> new PlacesQuery(Optional.of(at(10)), Optional.of(at(0)), 8))
                .isInstanceOf(SelfdataException.class).hasMessage("the period's start must be before its end");
        assertThatThrownBy(() -> new PlacesQuery(Optional.empty(), Optional.of(Instant.parse("+999999999-12-31T23:59:59Z")), 8))
                .isInstanceOf(SelfdataException.class).hasMessage("the period's end must be in the years 0000 to 9999");
        assertThatThrownBy(() -> new PlacesQuery(Optional.of(Instant.parse("-0001-12-31T23:59:59Z")), Optional.empty(), 8))
                .isInstanceOf(SelfdataException.class).hasMessage("the period's start must be in the years 0000 to 9999");
    }

    /** Points every five minutes, from and to the given minutes, about 33 metres north and south of home by turns. */
    private void stayAtHome(int fromMinute, int toMinute) {
        stay(home.lng, fromMinute, toMinute);
    }

    private void stayAtWork(int fromMinute, int toMinute) {
        stay(home.lng + 5 * STEP, fromMinute, toMinute);
    }

    private void stay(double longitude, int fromMinute, int toMinute) {
        for (int minute = fromMinute, index = 0; minute <= toMinute; minute += 5, index++) {
            double offset = minute == toMinute || minute == fromMinute ? 0 : (index % 2 == 0 ? 0.0003 : -0.0003);
            point(minute, home.lat + offset, longitude);
        }
    }

    /** Four points five minutes apart, a step east of each other, from a step east of home. */
    private void walkEast(int fromMinute) {
        for (int step = 1; step <= 4; step++) {
            point(fromMinute + 5 * (step - 1), home.lat, home.lng + step * STEP);
        }
    }

    private void walkBack(int fromMinute) {
        for (int step = 4; step >= 1; step--) {
            point(fromMinute + 5 * (4 - step), home.lat, home.lng + step * STEP);
        }
    }

    private void point(int minute, double latitude, double longitude) {
        drafts.add(RecordDraft.of(TimeSpan.at(at(minute)), GeoPoint.of(latitude, longitude), Position.line(drafts.size() + 1)));
    }

    private void write() {
        fixture.vault().imports().write(fixture.camille().id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY,
                "google-records", "Records.json"), drafts.stream());
    }

    private static Instant at(int minute) {
        return MORNING.plus(Duration.ofMinutes(minute));
    }

    private static double alongTheParallel(double degrees) {
        return EARTH_RADIUS_METRES * Math.cos(Math.toRadians(LATITUDE)) * Math.toRadians(degrees);
    }

    private static H3Core h3() {
        try {
            return H3Core.newInstance();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
