package org.selfdata.server;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.LogAction;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.SyntheticRecords;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a grant's recipient can infer from what it has received so far: worked out from the records its reads on the
 * log carried, read again from the vault, never from everything the person holds.
 */
class RevealGrantsRoutesTest {
    private static final URI CALLBACK = URI.create("https://carte.example/callback");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate FIRST_NIGHT = LocalDate.of(2026, 1, 5);
    private static final int NIGHTS = 16;
    /** A point every 20 minutes from 22:00 to 06:00: 25 a night. */
    private static final int POINTS_A_NIGHT = 25;

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private Person camille;
    private ApiClient owner;
    private String accessToken;
    private String grantId;

    @BeforeEach
    void sixteenNightsAtHomeAndAGrantOfExactPoints() {
        camille = running.vault().person(Optional.of("camille"));
        running.vault().imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY,
                "google-records", "Records.json"), nightsAtHome());
        running.start();
        owner = running.camille();
        HttpResponse<String> registered = owner.post("/api/v1/recipients", registration());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String clientId = ApiClient.json(registered).get("id").stringValue();
        SharingFixtures.Authorized authorized = SharingFixtures.authorize(owner, running.server(), clientId, CALLBACK,
                SharingFixtures.exactLocationForNotifications());
        grantId = authorized.grantId();
        AccessTokenResponse tokens = (AccessTokenResponse) SharingFixtures.send(new TokenRequest.Builder(
                URI.create(running.server().url() + "oauth/token"), new ClientID(clientId), new AuthorizationCodeGrant(
                        new AuthorizationCode(authorized.code()), CALLBACK, authorized.verifier())).build());
        accessToken = tokens.getTokens().getAccessToken().getValue();
    }

    @Test
    void beforeAnyReadTheRecipientCanFindNothing() {
        JsonNode grant = revealedGrant();

        assertThat(grant.get("grant").stringValue()).isEqualTo(grantId);
        assertThat(grant.get("recipient").get("name").stringValue()).isEqualTo("Carte des Quartiers");
        assertThat(grant.get("purpose").stringValue()).isEqualTo("dpv:CommunicationManagement");
        assertThat(grant.get("precision").get("location").stringValue()).isEqualTo("exact");
        assertThat(grant.get("reads").longValue()).isZero();
        assertThat(grant.get("received").longValue()).isZero();
        assertThat(grant.get("finds")).isEmpty();
        assertThat(texts(grant.get("cannotFind"))).containsExactly("your home", "your place of work or study",
                "your weekly routine");
    }

    @Test
    void threeNightsReadPlaceNoHomeThoughTheVaultHoldsSixteen() {
        read("2026-01-05T18:00:00Z", "2026-01-08T18:00:00Z");

        JsonNode grant = revealedGrant();
        assertThat(grant.get("reads").longValue()).isEqualTo(1);
        assertThat(grant.get("received").longValue()).isEqualTo(3 * POINTS_A_NIGHT);
        assertThat(grant.get("positionsReceived").longValue()).isEqualTo(3 * POINTS_A_NIGHT);
        assertThat(grant.get("home").get("found").booleanValue()).isFalse();
        assertThat(texts(grant.get("cannotFind"))).startsWith("your home");
        JsonNode exact = ApiClient.json(owner.get("/api/v1/reveal/locations"));
        assertThat(exact.get("home").get("found").booleanValue()).isTrue();
    }

    @Test
    void everyNightReadPlacesTheHomeAndNothingOfItIsLoggedAsARead() {
        read("2026-01-05T18:00:00Z", "2026-01-22T00:00:00Z");
        long entries = running.vault().log().query(camille.id(), LogQuery.all().withAction(LogAction.READ)).size();

        JsonNode grant = revealedGrant();
        assertThat(grant.get("received").longValue()).isEqualTo(NIGHTS * POINTS_A_NIGHT);
        assertThat(texts(grant.get("finds"))).containsExactly("your home, to within 10 m");
        assertThat(running.vault().log().query(camille.id(), LogQuery.all().withAction(LogAction.READ)))
                .hasSize((int) entries);
    }

    @Test
    void theWordsAreInTheReadersLanguage() {
        HttpResponse<String> response = owner.send(owner.request("/api/v1/reveal/grants")
                .header("Accept-Language", "fr").GET());

        assertThat(texts(ApiClient.json(response).get("grants").get(0).get("cannotFind")))
                .startsWith("votre domicile", "votre lieu de travail ou d’études");
    }

    private void read(String from, String to) {
        HttpResponse<String> page = SharingFixtures.bearerGet(running.server(), accessToken,
                "/api/v1/shared/records?type=geo.point&limit=1000&from=" + from + "&to=" + to);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    }

    private JsonNode revealedGrant() {
        HttpResponse<String> response = owner.get("/api/v1/reveal/grants");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode grants = ApiClient.json(response).get("grants");
        assertThat(grants).hasSize(1);
        return grants.get(0);
    }

    /** A neighbourhood map, whose declaration needs exact positions at exact times. */
    private static String registration() {
        ObjectNode declaration = SharingFixtures.notificationsByRegion("exact");
        ((ObjectNode) declaration.get("purposes").get(0).get("precision")).put("time", "exact");
        ObjectNode body = JSON.createObjectNode()
                .put("name", "Carte des Quartiers")
                .put("legalName", "Carte des Quartiers SAS")
                .put("country", "FR")
                .put("contact", "contact@carte.example")
                .put("kind", "app");
        body.putArray("redirectUris").add(CALLBACK.toString());
        body.set("declaration", declaration);
        return body.toString();
    }

    private static Stream<RecordDraft> nightsAtHome() {
        List<RecordDraft> points = new ArrayList<>();
        for (int night = 0; night < NIGHTS; night++) {
            ZonedDateTime evening = FIRST_NIGHT.plusDays(night).atTime(LocalTime.of(22, 0)).atZone(PARIS);
            for (int point = 0; point < POINTS_A_NIGHT; point++) {
                GeoPoint home = new GeoPoint(45.75395, 4.84231, Optional.of(10), Optional.empty(), Optional.of("GPS"),
                        Optional.empty(), Optional.empty());
                points.add(RecordDraft.of(TimeSpan.at(evening.plus(Duration.ofMinutes(20L * point)).toInstant()), home,
                        Position.jsonPointer("/locations/" + points.size())));
            }
        }
        return points.stream();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.stringValue()));
        return texts;
    }
}
