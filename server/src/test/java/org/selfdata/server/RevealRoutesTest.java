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

class RevealRoutesTest {
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private ApiClient camille;

    /** An hour of points in one spot, 01:00 to 01:59 in Paris: a stay, but too short to place a night. */
    @BeforeEach
    void startOverAnHourAtOneSpot() {
        Person person = running.vault().person(Optional.of("camille"));
        running.vault().imports().write(person.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records",
                "Records.json"), SyntheticRecords.points(60));
        running.start();
        camille = running.camille();
    }

    @Test
    void anHourOfPointsPlacesNoHomeAndSaysWhyWithTheNumbers() {
        HttpResponse<String> response = camille.get("/api/v1/reveal/locations");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode revealed = ApiClient.json(response);
        assertThat(revealed.get("lens").get("location").asString()).isEqualTo("exact");
        assertThat(revealed.get("points").asLong()).isEqualTo(60);
        assertThat(revealed.get("stays").asLong()).isEqualTo(1);
        JsonNode home = revealed.get("home");
        assertThat(home.get("found").asBoolean()).isFalse();
        assertThat(home.has("finding")).isFalse();
        assertThat(home.get("reason").asString())
                .isEqualTo("Not enough nights recorded to place a home: 0 nights placed, at least 14 needed.");
        assertThat(revealed.get("study").get("reason").asString()).isEqualTo("Not enough weekdays recorded away from home "
                + "to place work or study: 0 days at the most frequent place, at least 10 needed.");
        assertThat(revealed.get("routine").get("reason").asString())
                .isEqualTo("No routine can be told without a home to leave from and come back to.");
        assertThat(revealed.get("regularPlaces")).isEmpty();
        assertThat(revealed.get("periodsAway")).isEmpty();
    }

    @Test
    void theReasonIsInTheReadersLanguage() {
        HttpResponse<String> response = camille.send(camille.request("/api/v1/reveal/locations")
                .header("Accept-Language", "fr").GET());

        assertThat(ApiClient.json(response).get("home").get("reason").asString()).isEqualTo("Trop peu de nuits "
                + "enregistrées pour situer un domicile\u00a0: 0 nuit située, il en faut au moins 14.");
    }

    @Test
    void atRegionPrecisionTheRecipientCouldPlaceNoHome() {
        JsonNode revealed = ApiClient.json(camille.get("/api/v1/reveal/locations?location=region&time=hour"));

        assertThat(revealed.get("lens").get("location").asString()).isEqualTo("region");
        assertThat(revealed.get("lens").get("time").asString()).isEqualTo("hour");
        assertThat(revealed.get("stays").asLong()).isZero();
        assertThat(revealed.get("home").get("reason").asString()).isEqualTo("Not enough precision to place a home: the "
                + "positions tell only that most nights are spent in Auvergne-Rhône-Alpes.");
    }

    @Test
    void anUnknownPrecisionIsRefusedByName() {
        HttpResponse<String> response = camille.get("/api/v1/reveal/locations?location=street");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response).get("detail").asString()).isEqualTo("parameter 'location': unknown location "
                + "precision 'street'; use exact, h3:0 to h3:15, commune, department, region, country or none");
    }

    @Test
    void whatTheDataRevealsIsTheOwnersOnly() {
        HttpResponse<String> response = new ApiClient(running.server()).get("/api/v1/reveal/locations");

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
