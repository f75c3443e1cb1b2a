package org.selfdata.server;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.rar.Action;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.Source;
import org.selfdata.model.SourceKind;
import org.selfdata.vault.Engine;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An energy supplier gives a person's meter readings back under a write grant: they land with the supplier as their
 * source, and what its declaration does not cover is refused, whole, and shown to the person on their log. Besides the
 * tokens of its authorization, the supplier may get one for its own credentials, which pushes and does nothing else.
 */
class RestitutionTest {
    private static final URI CALLBACK = URI.create("https://energie.example/retour");
    private static final String READING = "{\"records\":[{\"type\":\"energy.reading\",\"start\":\"2026-11-20T00:00:00Z\","
            + "\"end\":\"2026-11-21T00:00:00Z\",\"payload\":{\"meter\":\"09876543210987\",\"quantity\":\"ENERGY\","
            + "\"value\":8400}}]}";
    private static final String POINT = "{\"records\":[{\"type\":\"geo.point\",\"start\":\"2026-11-20T00:00:00Z\","
            + "\"payload\":{\"latitude\":48.85,\"longitude\":2.35}}]}";

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.of("camille"));
    private String accessToken;
    private SharingFixtures.Organization supplier;
    private String grantId;

    @BeforeEach
    void theSupplierHoldsAWriteGrant() {
        running.start();
        ApiClient owner = running.camille();
        supplier = SharingFixtures.registerEnergySupplier(owner, CALLBACK);
        SharingFixtures.Authorized authorized = SharingFixtures.authorize(owner, running.server(), supplier.clientId(),
                CALLBACK, SharingFixtures.meterReadingsWrittenBack());
        TokenResponse tokens = SharingFixtures.send(new TokenRequest(URI.create(running.server().url() + "oauth/token"),
                new ClientSecretBasic(new ClientID(supplier.clientId()), supplier.secret()),
                new AuthorizationCodeGrant(new AuthorizationCode(authorized.code()), CALLBACK, authorized.verifier())));
        accessToken = tokens.toSuccessResponse().getTokens().getAccessToken().getValue();
        grantId = authorized.grantId();
    }

    @Test
    void theSupplierPushesWithATokenForItsOwnCredentialsThatOpensNothingElse() {
        AccessTokenResponse response = ownCredentials(Map.of()).toSuccessResponse();
        accessToken = response.getTokens().getAccessToken().getValue();

        HttpResponse<String> pushed = push(READING);
        HttpResponse<String> grant = SharingFixtures.bearerGet(running.server(), accessToken, "/api/v1/shared/grant");
        HttpResponse<String> records = SharingFixtures.bearerGet(running.server(), accessToken, "/api/v1/shared/records");

        assertThat(response.getTokens().getBearerAccessToken().getLifetime()).isEqualTo(3600);
        assertThat(response.getTokens().getRefreshToken()).isNull();
        assertThat(response.getCustomParameters()).containsEntry("grant_id", grantId).containsEntry("grant_kind", "write");
        assertThat(response.getTokens().getAccessToken().getAuthorizationDetails()).singleElement()
                .satisfies(detail -> assertThat(detail.getActions()).extracting(Action::getValue).containsExactly("write"));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
        assertThat(List.of(grant, records)).allSatisfy(refused -> {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"insufficient_scope\"");
            assertThat(ApiClient.json(refused).get("detail").stringValue()).isEqualTo("this token was issued for the "
                    + "client's own credentials to push records back (POST /api/v1/shared/records) and opens nothing "
                    + "else (missing scope: read)");
        });
    }

    @Test
    void noTokenForItsOwnCredentialsOnceTheWriteGrantIsWithdrawnAndTheOneIssuedEnds() {
        accessToken = ownCredentials(Map.of()).toSuccessResponse().getTokens().getAccessToken().getValue();

        running.camille().post("/api/v1/grants/" + grantId + "/withdrawal", "{}");

        assertThat(push(READING).statusCode()).isEqualTo(401);
        TokenErrorResponse refused = ownCredentials(Map.of()).toErrorResponse();
        assertThat(refused.getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(refused.getErrorObject().getDescription())
                .isEqualTo("this client holds no write grant in force; client_credentials gives a token to push under one");
    }

    @Test
    void aSupplierHoldingSeveralWriteGrantsNamesTheOneItPushesUnder() {
        SharingFixtures.Authorized second = SharingFixtures.authorize(running.camille(), running.server(),
                supplier.clientId(), CALLBACK, SharingFixtures.meterReadingsWrittenBack());

        TokenResponse unnamed = ownCredentials(Map.of());
        TokenResponse named = ownCredentials(Map.of("grant_id", second.grantId()));
        TokenResponse unknown = ownCredentials(Map.of("grant_id", "not-a-grant-of-this-supplier"));

        assertThat(unnamed.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_request");
        assertThat(named.toSuccessResponse().getCustomParameters()).containsEntry("grant_id", second.grantId());
        assertThat(unknown.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    private TokenResponse ownCredentials(Map<String, String> parameters) {
        TokenRequest.Builder request = new TokenRequest.Builder(URI.create(running.server().url() + "oauth/token"),
                new ClientSecretBasic(new ClientID(supplier.clientId()), supplier.secret()), new ClientCredentialsGrant());
        parameters.forEach(request::customParameter);
        return SharingFixtures.send(request.build());
    }

    @Test
    void pushedReadingsLandWithTheSupplierAsTheirSource() {
        HttpResponse<String> pushed = push(READING);

        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
        assertThat(ApiClient.json(pushed).get("added").longValue()).isEqualTo(1);
        List<Source> sources = vault.imports().sources(camille.id());
        assertThat(sources).singleElement().satisfies(source -> {
            assertThat(source.kind()).isEqualTo(SourceKind.ORGANIZATION);
            assertThat(source.organization()).isEqualTo("Énergie Locale");
        });
        try (Stream<org.selfdata.model.StoredRecord> records = vault.records().read(camille.id(),
                RecordQuery.ofType(RecordType.ENERGY_READING))) {
            assertThat(records.toList()).singleElement()
                    .satisfies(record -> assertThat(new String(record.payloadJson())).contains("\"value\":8400"));
        }
        JsonNode entries = ApiClient.json(running.camille().get("/api/v1/log")).get("entries");
        assertThat(entries).hasSize(2).as("the grant, then the push, and no import of the person's own")
                .first().extracting(entry -> ((JsonNode) entry).get("action").stringValue()).isEqualTo("grant");
        JsonNode push = entries.get(1);
        assertThat(push.get("action").stringValue()).isEqualTo("push");
        assertThat(push.get("actor").get("kind").stringValue()).isEqualTo("recipient");
        assertThat(push.get("count").longValue()).isEqualTo(1);
        assertThat(push.get("purpose").stringValue()).isEqualTo("dpv:ServiceProvision");
    }

    @Test
    void aPushBeyondTheDeclarationIsRefusedWholeAndShownToThePerson() {
        HttpResponse<String> pushed = push(POINT);

        assertThat(pushed.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(pushed).get("detail").stringValue()).endsWith(
                "and its recipient's declared processing do not cover geo.point in pd:GPSCoordinate (missing scope); "
                        + "nothing was added");
        assertThat(vault.imports().sources(camille.id())).isEmpty();
        JsonNode refusals = ApiClient.json(running.camille().get("/api/v1/log?action=refusal")).get("entries");
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0).get("types").get(0).stringValue()).isEqualTo("geo.point");
    }

    private HttpResponse<String> push(String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(running.server().url())
                            .resolve("/api/v1/shared/records"))
                    .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
