package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.LogAction;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.TimeSpan;
import org.selfdata.services.PlaceKeys;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.SyntheticRecords;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RevealPlacesRoutesTest {
    private static final double LATITUDE = 45.75395;
    private static final double LONGITUDE = 4.84231;
    /** Three weeks in one spot, a point every quarter of an hour: every night is spent there. */
    private static final Instant FIRST = Instant.parse("2025-04-06T22:00:00Z");

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private final PlaceKeys keys = new PlaceKeys();
    private final String home = keys.key(LATITUDE, LONGITUDE);
    private Person person;
    private ApiClient camille;

    @BeforeEach
    void startAfterThreeWeeksAtHome() {
        person = running.vault().person(Optional.of("camille"));
        running.vault().imports().write(person.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records",
                "Records.json"), IntStream.range(0, 21 * 24 * 4).mapToObj(index -> RecordDraft.of(
                        TimeSpan.at(FIRST.plus(Duration.ofMinutes(15L * index))), GeoPoint.of(LATITUDE, LONGITUDE),
                        Position.line(index + 1))));
        running.start();
        camille = running.camille();
    }

    @Test
    void namingAPlaceAnswersItWithItsHistoryAndListsItAmongThePlacesCorrected() {
        HttpResponse<String> response = put(home, "{\"latitude\":45.75395,\"longitude\":4.84231,\"verdict\":\"named\","
                + "\"name\":\"  Maison \"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode place = ApiClient.json(response);
        assertThat(place.get("key").asString()).isEqualTo(home);
        assertThat(place.get("latitude").asDouble()).isEqualTo(LATITUDE);
        assertThat(place.get("longitude").asDouble()).isEqualTo(LONGITUDE);
        assertThat(place.get("verdict").asString()).isEqualTo("named");
        assertThat(place.get("name").asString()).isEqualTo("Maison");
        assertThat(place.get("history")).hasSize(1);
        assertThat(place.get("history").get(0).get("at").asString()).isEqualTo(place.get("at").asString());
        assertThat(ApiClient.json(camille.get("/api/v1/reveal/places")).get("places")).containsExactly(place);
    }

    @Test
    void eachVerdictSupersedesTheOneBeforeAndTheHistoryKeepsThemAll() {
        put(home, body("confirmed", ""));
        put(home, body("named", ",\"name\":\"Maison\""));
        HttpResponse<String> response = put(home, body("wrong", ""));

        JsonNode place = ApiClient.json(response);
        assertThat(place.get("verdict").asString()).isEqualTo("wrong");
        assertThat(place.has("name")).isFalse();
        assertThat(place.get("history").values().stream().map(step -> step.get("verdict").asString()).toList())
                .containsExactly("confirmed", "named", "wrong");
        assertThat(place.get("history").get(1).get("name").asString()).isEqualTo("Maison");
        assertThat(running.vault().log().query(person.id(), LogQuery.all().withAction(LogAction.CORRECTION))).hasSize(3);
    }

    @Test
    void takingBackACorrectionLeavesThePlaceOutAndItsHistoryKeepsIt() {
        put(home, body("confirmed", ""));

        HttpResponse<String> taken = camille.delete("/api/v1/reveal/places/" + home);

        assertThat(taken.statusCode()).isEqualTo(204);
        assertThat(ApiClient.json(camille.get("/api/v1/reveal/places")).get("places")).isEmpty();
        HttpResponse<String> again = camille.delete("/api/v1/reveal/places/" + home);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(again).get("detail").asString())
                .isEqualTo("You have no correction of this place to take back.");
        JsonNode named = ApiClient.json(put(home, body("named", ",\"name\":\"Maison\"")));
        assertThat(named.get("history").values().stream().map(step -> step.get("verdict").asString()).toList())
                .containsExactly("confirmed", "withdrawn", "named");
    }

    @Test
    void aBadCorrectionIsRefusedNamingTheFieldAndNothingIsKept() {
        String elsewhere = keys.key(45.78075, 4.87205);
        Map<String, String> refusals = Map.of(
                body("named", ""), "'name' is required with the verdict named: from 1 to 80 characters",
                body("named", ",\"name\":\"" + "M".repeat(81) + "\""),
                "'name' must hold from 1 to 80 characters, the spaces at either end left out",
                body("named", ",\"name\":\"Mai\\u0007son\""), "'name' must not hold control characters such as line breaks",
                "{\"latitude\":91,\"longitude\":4.84231,\"verdict\":\"confirmed\"}",
                "'latitude' must be a number from -90 to 90",
                "{\"latitude\":45.75395,\"longitude\":\"east\",\"verdict\":\"confirmed\"}",
                "'longitude' must be a number from -180 to 180",
                body("maybe", ""), "'verdict' must be confirmed, named or wrong",
                body("withdrawn", ""), "'verdict' must be confirmed, named or wrong",
                body("confirmed", ",\"note\":\"x\""), "a correction holds 'latitude', 'longitude', 'verdict' and, with the "
                        + "verdict named, 'name'; nothing else");
        refusals.forEach((body, detail) -> {
            HttpResponse<String> response = put(home, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(ApiClient.json(response).get("detail").asString()).as(body).isEqualTo(detail);
        });
        HttpResponse<String> mismatch = put(elsewhere, body("confirmed", ""));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(mismatch).get("detail").asString()).isEqualTo("'key' is not the key of the place at "
                + "'latitude' and 'longitude': a place's key is the H3 cell at resolution 10 of its position, or that of "
                + "a correction of yours within 150 m of it");
        assertThat(put("NOT-A-KEY", body("confirmed", "")).statusCode()).isEqualTo(400);

        assertThat(ApiClient.json(camille.get("/api/v1/reveal/places")).get("places")).isEmpty();
        assertThat(running.vault().log().query(person.id(), LogQuery.all().withAction(LogAction.CORRECTION))).isEmpty();
    }

    @Test
    void theHomeFoundCarriesItsKeyAndOnceNamedWhatThePersonCallsIt() {
        JsonNode before = ApiClient.json(camille.get("/api/v1/reveal/locations")).get("home").get("finding");
        assertThat(before.get("key").asString()).isEqualTo(home);
        assertThat(before.has("yours")).isFalse();

        put(before.get("key").asString(), "{\"latitude\":" + before.get("latitude").asDouble() + ",\"longitude\":"
                + before.get("longitude").asDouble() + ",\"verdict\":\"named\",\"name\":\"Maison\"}");

        JsonNode revealed = ApiClient.json(camille.get("/api/v1/reveal/locations"));
        JsonNode yours = revealed.get("home").get("finding").get("yours");
        assertThat(yours.get("verdict").asString()).isEqualTo("named");
        assertThat(yours.get("name").asString()).isEqualTo("Maison");
        assertThat(revealed.get("markedWrong")).isEmpty();
        JsonNode place = ApiClient.json(camille.get("/api/v1/places")).get("places").get(0);
        assertThat(place.get("name").asString()).isEqualTo("Maison");
        assertThat(place.get("yours").get("verdict").asString()).isEqualTo("named");
    }

    @Test
    void aHomeMarkedWrongIsNoLongerFoundAndIsListedAmongThePlacesMarkedWrong() {
        put(home, body("confirmed", ""));
        assertThat(ApiClient.json(camille.get("/api/v1/reveal/locations")).get("home").get("finding").get("yours")
                .get("verdict").asString()).isEqualTo("confirmed");

        put(home, body("wrong", ""));

        JsonNode revealed = ApiClient.json(camille.get("/api/v1/reveal/locations"));
        assertThat(revealed.get("home").get("found").asBoolean()).isFalse();
        assertThat(revealed.get("home").get("reason").asString()).isEqualTo("You marked the place found as your home "
                + "wrong: it is listed among the places you marked wrong.");
        assertThat(revealed.get("markedWrong")).hasSize(1);
        JsonNode wrong = revealed.get("markedWrong").get(0);
        assertThat(wrong.get("key").asString()).isEqualTo(home);
        assertThat(wrong.get("yours").get("verdict").asString()).isEqualTo("wrong");
        assertThat(wrong.get("latitude").asDouble()).isEqualTo(LATITUDE);
        JsonNode atHourPrecision = ApiClient.json(camille.get("/api/v1/reveal/locations?time=hour"));
        assertThat(atHourPrecision.get("home").get("found").asBoolean()).isTrue();
        assertThat(atHourPrecision.get("markedWrong")).isEmpty();
    }

    @Test
    void thePlacesCorrectedAreTheOwnersOnly() {
        ApiClient nobody = new ApiClient(running.server());

        assertThat(List.of(nobody.get("/api/v1/reveal/places").statusCode(),
                nobody.delete("/api/v1/reveal/places/" + home).statusCode())).containsOnly(401);
    }

    private static String body(String verdict, String more) {
        return "{\"latitude\":45.75395,\"longitude\":4.84231,\"verdict\":\"" + verdict + "\"" + more + "}";
    }

    private HttpResponse<String> put(String key, String json) {
        return camille.send(camille.request("/api/v1/reveal/places/" + key).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
