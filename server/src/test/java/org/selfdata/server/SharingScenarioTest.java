package org.selfdata.server;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.LogVerification;
import org.selfdata.vault.Vault;
import org.selfdata.texts.Wording;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's scenario, end to end over HTTP: an app that declared "notifications by region" asks for location, is
 * offered region precision, receives regions only, and is refused the moment the person withdraws.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class SharingScenarioTest {
    private static final URI CALLBACK = URI.create("https://alertes.example/callback");
    private static final int POINTS = 40;

    @RegisterExtension
    final RunningServer running;
    private final Vault vault;
    private final Person camille;
    private ApiClient owner;

    SharingScenarioTest(Engine engine) {
        running = new RunningServer(engine);
        vault = running.vault();
        camille = vault.person(Optional.of("camille"));
    }

    @BeforeEach
    void startOverPointsInLyon() {
        running.importLocationPoints(POINTS);
        running.start();
        owner = running.camille();
    }

    @Test
    void anAppAskingForLocationReceivesRegionsOnlyUntilWithdrawn() {
        String clientId = SharingFixtures.registerRegionalAlerts(owner, CALLBACK);
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        AuthorizationRequest request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new ClientID(clientId))
                .endpointURI(URI.create(running.server().url() + "oauth/authorize"))
                .redirectionURI(CALLBACK)
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .authorizationDetails(List.of(SharingFixtures.exactLocationForNotifications()))
                .build();

        HttpResponse<String> consentPage = owner.get("/oauth/authorize?" + request.toQueryString());
        assertThat(consentPage.statusCode()).isEqualTo(200);
        assertThat(consentPage.headers().firstValue("Content-Type")).contains("text/html;charset=utf-8");
        assertThat(consentPage.body()).contains("<script src=\"/assets/consent.js\" defer></script>");

        JsonNode offer = ApiClient.json(owner.post("/api/v1/authorizations/offer",
                SharingFixtures.requestBody(request.toQueryString())));
        assertThat(offer.get("justified").booleanValue()).isFalse();
        assertThat(offer.get("reasons")).singleElement().extracting(JsonNode::stringValue).isEqualTo("asks for location at "
                + "exact precision; the declared purpose, notifications by region, needs location at region precision");
        assertThat(offer.get("offer").get("precision").get("location").stringValue()).isEqualTo("region");
        assertThat(offer.get("preview")).isNotEmpty();
        assertNoCoordinate(offer.get("preview").toString());

        HttpResponse<String> given = owner.post("/api/v1/authorizations",
                SharingFixtures.acceptance(request.toQueryString(), offer.get("offer"), "P30D"));
        assertThat(given.statusCode()).isEqualTo(201);
        JsonNode grant = ApiClient.json(given);
        String grantId = grant.get("grant").get("id").stringValue();
        assertThat(grant.get("receipt").stringValue()).contains(".");
        URI redirect = URI.create(grant.get("redirect").stringValue());
        assertThat(redirect.toString()).startsWith(CALLBACK + "?");
        assertThat(redirect.getQuery()).contains("state=" + state.getValue());

        AuthorizationCode code = new AuthorizationCode(SharingFixtures.queryParameter(redirect, "code"));
        TokenRequest tokenRequest = new TokenRequest.Builder(URI.create(running.server().url() + "oauth/token"),
                new ClientID(clientId), new AuthorizationCodeGrant(code, CALLBACK, verifier)).build();
        TokenResponse tokenResponse = SharingFixtures.send(tokenRequest);
        assertThat(tokenResponse.indicatesSuccess()).isTrue();
        String accessToken = ((AccessTokenResponse) tokenResponse).getTokens().getAccessToken().getValue();

        List<String> received = new ArrayList<>();
        for (int fetch = 0; fetch < 2; fetch++) {
            HttpResponse<String> page = SharingFixtures.bearerGet(running.server(), accessToken,
                    "/api/v1/shared/records?type=geo.point");
            assertThat(page.statusCode()).isEqualTo(200);
            received.add(page.body());
        }
        JsonNode records = ApiClient.json(received.getFirst()).get("records");
        assertThat(records).hasSize(POINTS);
        records.forEach(record -> assertThat(record.get("payload").get("area").get("level").stringValue())
                .isEqualTo("region"));
        records.forEach(record -> assertThat(record.get("payload").get("area").get("code").stringValue())
                .isEqualTo("FR-ARA"));
        received.forEach(SharingScenarioTest::assertNoCoordinate);

        JsonNode log = ApiClient.json(owner.get("/api/v1/log?recipient=" + clientId + "&action=read"));
        assertThat(log.get("entries")).hasSize(2);
        log.get("entries").forEach(entry -> {
            assertThat(entry.get("grant").stringValue()).isEqualTo(grantId);
            assertThat(entry.get("count").longValue()).isEqualTo(POINTS);
            assertThat(entry.get("precision").stringValue()).contains("location region");
        });

        HttpResponse<String> withdrawn = owner.post("/api/v1/grants/" + grantId + "/withdrawal", "{}");
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(withdrawn).get("receipt").stringValue()).contains(".");

        HttpResponse<String> refused = SharingFixtures.bearerGet(running.server(), accessToken,
                "/api/v1/shared/records?type=geo.point");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("45.75");

        assertThat(vault.log().verify(camille.id())).isInstanceOf(LogVerification.Intact.class);
        long firstFetch = log.get("entries").get(0).get("index").longValue();
        SharingFixtures.alterLogEntry(vault, camille, firstFetch);
        assertThat(vault.log().verify(camille.id())).isEqualTo(new LogVerification.EntryBroken(firstFetch,
                LogVerification.Problem.ALTERED, Wording.of("log.verification.hashMismatch")));
    }

    /** No number anywhere in the text is near Lyon's latitude (45.75) or longitude (4.85), the points' coordinates. */
    static void assertNoCoordinate(String json) {
        java.util.regex.Matcher numbers = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?").matcher(json);
        while (numbers.find()) {
            double number = Double.parseDouble(numbers.group());
            assertThat(Math.abs(number - 45.75)).as("a latitude in %s", numbers.group()).isGreaterThan(0.1);
            assertThat(Math.abs(number - 4.85)).as("a longitude in %s", numbers.group()).isGreaterThan(0.1);
        }
        assertThat(json).doesNotContain("latitude", "longitude");
    }
}
