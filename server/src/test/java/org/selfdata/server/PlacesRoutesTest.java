package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PlacesRoutesTest {
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private ApiClient camille;

    /**
     * An hour of points a minute apart, each 1.1 metres north of the one before (see {@link SyntheticRecords#point}):
     * the 60 points lie within 66 metres, so they are one stay, from 00:00 to 00:59.
     */
    @BeforeEach
    void startOverAnHourAtOneSpot() {
        Person person = running.vault().person(Optional.of("camille"));
        running.vault().imports().write(person.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records",
                "Records.json"), SyntheticRecords.points(60));
        running.start();
        camille = running.camille();
    }

    @Test
    void anHourAtOneSpotIsOnePlaceWithNoTrip() {
        HttpResponse<String> response = camille.get("/api/v1/places?resolution=9");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode places = ApiClient.json(response);
        assertThat(places.get("points").asLong()).isEqualTo(60);
        assertThat(places.get("visits").asLong()).isEqualTo(1);
        assertThat(places.get("tripCount").asLong()).isZero();
        JsonNode place = places.get("places").get(0);
        assertThat(place.get("rank").asInt()).isEqualTo(1);
        assertThat(place.has("name")).isFalse();
        assertThat(place.get("seconds").asLong()).isEqualTo(59 * 60);
        assertThat(place.get("firstArrival").asString()).isEqualTo("2025-01-01T00:00:00.000Z");
        assertThat(place.get("lastDeparture").asString()).isEqualTo("2025-01-01T00:59:00.000Z");
        // The mean of 45.75 + i · 0.00001 for i from 0 to 59.
        assertThat(place.get("latitude").asDouble()).isCloseTo(45.750295, within(1e-9));
        assertThat(place.get("longitude").asDouble()).isCloseTo(4.85, within(1e-9));
        JsonNode density = places.get("density");
        assertThat(density.get("resolution").asInt()).isEqualTo(9);
        assertThat(density.get("truncated").asBoolean()).isFalse();
        long counted = 0;
        for (JsonNode cell : density.get("cells")) {
            counted += cell.get("points").asLong();
            assertThat(cell.get("boundary")).hasSize(6);
        }
        assertThat(counted).isEqualTo(60);
    }

    @Test
    void thePeriodAfterTheHourHoldsNothing() {
        JsonNode places = ApiClient.json(camille.get("/api/v1/places?from=2025-01-01T01:00:00Z"));

        assertThat(places.get("points").asLong()).isZero();
        assertThat(places.get("places")).isEmpty();
        assertThat(places.get("density").get("cells")).isEmpty();
    }

    @Test
    void theDensityAloneCountsOnlyThePointsInView() {
        JsonNode inView = ApiClient.json(camille.get("/api/v1/places/density?resolution=7&south=45.7&west=4.8&north=45.8"
                + "&east=4.9"));
        JsonNode elsewhere = ApiClient.json(camille.get("/api/v1/places/density?resolution=7&south=48.8&west=2.3&north=48.9"
                + "&east=2.4"));

        assertThat(inView.get("cells")).singleElement().satisfies(cell -> assertThat(cell.get("points").asLong())
                .isEqualTo(60));
        assertThat(elsewhere.get("cells")).isEmpty();
        assertThat(elsewhere.get("cellCount").asInt()).isZero();
    }

    @Test
    void aResolutionOutsideSixToNineIsRefused() {
        assertProblem(camille.get("/api/v1/places?resolution=12"),
                "parameter 'resolution' must be a whole number from 6 to 9");
        assertProblem(camille.get("/api/v1/places/density?resolution=five"),
                "parameter 'resolution' must be a whole number from 6 to 9");
    }

    @Test
    void aPeriodEndingBeforeItBeginsIsRefused() {
        assertProblem(camille.get("/api/v1/places?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z"),
                "parameter 'to' must be later than 'from'");
        assertProblem(camille.get("/api/v1/places?from=yesterday"),
                "parameter 'from' must be a day such as 2025-01-31 or an instant such as 2025-01-31T23:00:00Z, in the years "
                        + "0000 to 9999");
    }

    @Test
    void aViewWithoutAllFourSidesOrUpsideDownIsRefused() {
        assertProblem(camille.get("/api/v1/places/density?south=45"), "give all of south, west, north and east, or none");
        assertProblem(camille.get("/api/v1/places/density?south=46&west=4&north=45&east=5"),
                "the view's south must be at most its north, both from -90 to 90");
        assertProblem(camille.get("/api/v1/places?south=45"),
                "unknown parameter 'south'; this takes from, to, resolution");
    }

    @Test
    void placesAreTheOwnersOnly() {
        HttpResponse<String> response = new ApiClient(running.server()).get("/api/v1/places");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static void assertProblem(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(ApiClient.json(response).get("detail").asString()).isEqualTo(detail);
    }
}
