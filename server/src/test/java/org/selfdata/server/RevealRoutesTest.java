package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
    void theTownsVisitedAreNamedWithTheirDays() {
        JsonNode towns = ApiClient.json(camille.get("/api/v1/reveal/locations")).get("towns");

        assertThat(towns).hasSize(1);
        assertThat(towns.get(0).propertyNames()).containsExactly("name", "days");
        assertThat(towns.get(0).get("name").asString()).isEqualTo("Rhône");
        assertThat(towns.get(0).get("days").asInt()).isEqualTo(1);
    }

    @Test
    void aPersonWithNoBankDataGetsAFindingOfEveryKindSayingSo() {
        HttpResponse<String> response = camille.get("/api/v1/reveal/money");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode money = ApiClient.json(response);
        assertThat(money.propertyNames()).containsExactly("source", "records", "findings");
        assertThat(money.get("source").asString()).isEqualTo("money");
        assertThat(money.get("records").asLong()).isZero();
        assertThat(money.get("findings").values()).extracting(finding -> finding.get("kind").asString())
                .containsExactly("shop", "eating", "income", "health", "special");
        JsonNode shop = money.get("findings").get(0);
        assertThat(shop.propertyNames()).containsExactly("kind", "found", "says", "reason");
        assertThat(shop.get("found").asBoolean()).isFalse();
        assertThat(shop.get("reason").asString())
                .isEqualTo("No payment at a shop or supermarket is recorded: nothing tells where you shop.");
        assertThat(shop.get("says").asString()).isEqualTo(shop.get("reason").asString());
    }

    @Test
    void aFindingHasTheKeysOfOneShapeForEverySource() {
        running.vault().imports().write(running.vault().person(Optional.of("camille")).id(), new ImportRequest(
                SyntheticRecords.BANK, "ofx", "releve.ofx"), Stream.of(pharmacy(1), pharmacy(2), pharmacy(3)));

        JsonNode findings = ApiClient.json(camille.get("/api/v1/reveal/money")).get("findings");

        JsonNode health = findings.get(3);
        assertThat(health.propertyNames()).containsExactly("kind", "found", "says", "confidence", "evidence");
        assertThat(health.get("kind").asString()).isEqualTo("health");
        assertThat(health.get("confidence").propertyNames()).containsExactly("share", "percent", "level", "words");
        assertThat(health.get("evidence").propertyNames())
                .containsExactly("count", "outOf", "unit", "first", "last", "records");
        assertThat(health.get("evidence").get("records").get(0).propertyNames()).containsExactly("id", "explore");
        assertThat(health.get("says").asString()).isEqualTo("In 2025 you spent 37.20 EUR on health in 3 payments to "
                + "1 payee: PHARMACIE DU PONT (3 months of the year recorded).");
        JsonNode special = findings.get(4);
        assertThat(special.propertyNames())
                .containsExactly("kind", "found", "says", "confidence", "evidence", "special");
        assertThat(special.get("special").propertyNames()).containsExactly("category", "words");
        assertThat(special.get("special").get("category").asString()).isEqualTo("health");
        assertThat(special.get("says").asString()).isEqualTo("PHARMACIE DU PONT: 3 transactions in 3 months; this name "
                + "may reveal data concerning health (GDPR art. 9).");
        assertThat(special.get("evidence").get("unit").asString()).isEqualTo("transactions");
        String record = special.get("evidence").get("records").get(0).get("id").asString();
        assertThat(special.get("evidence").get("records").get(0).get("explore").asString())
                .isEqualTo("/explore?record=" + record);
        assertThat(camille.get("/api/v1/records/" + record).statusCode()).isEqualTo(200);
    }

    @Test
    void theAgendaOfAPersonWithNoCalendarSaysSoInTheReadersLanguage() {
        HttpResponse<String> response = camille.send(camille.request("/api/v1/reveal/agenda")
                .header("Accept-Language", "fr").GET());

        JsonNode agenda = ApiClient.json(response);
        assertThat(agenda.get("source").asString()).isEqualTo("agenda");
        assertThat(agenda.get("findings").values()).extracting(finding -> finding.get("kind").asString(),
                finding -> finding.get("found").asBoolean())
                .containsExactly(tuple("rhythm", false), tuple("appointment", false), tuple("contacts", false));
        assertThat(agenda.get("findings").get(2).get("reason").asString())
                .isEqualTo("Aucun contact n’est enregistré\u00a0: votre carnet d’adresses ne dit rien.");
    }

    @Test
    void anUnknownParameterIsRefused() {
        assertThat(camille.get("/api/v1/reveal/money?precision=region").statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/reveal/locations", "/api/v1/reveal/money", "/api/v1/reveal/agenda"})
    void whatTheDataRevealsIsTheOwnersOnly(String path) {
        HttpResponse<String> response = new ApiClient(running.server()).get(path);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static RecordDraft pharmacy(int month) {
        LocalDate day = LocalDate.of(2025, month, 14);
        return RecordDraft.of(TimeSpan.day(day, TestVaults.PARIS), new BankTransaction("00012346789", day,
                Optional.empty(), new BigDecimal("-12.40"), "EUR", "CB PHARMACIE DU PONT", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), Position.line(month));
    }
}
