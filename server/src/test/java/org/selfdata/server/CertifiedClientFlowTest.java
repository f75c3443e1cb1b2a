package org.selfdata.server;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.vault.Engine;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The authorization code flow as a certified OAuth client runs it: panva's openid-client, driven by a node script,
 * discovers the server from its RFC 8414 metadata, asks for location points with PKCE, state and authorization details,
 * redeems the code the person's consent gives, refreshes its tokens and reads what it was granted. Whatever in the
 * server's answers such a client would not accept fails here, before any app meets it.
 */
class CertifiedClientFlowTest {
    private static final URI CALLBACK = URI.create("https://alertes.example/callback");
    private static final String FORGED_ISSUER = "https://vault.attacker.example/";
    private static final int POINTS = 8;

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private ApiClient owner;
    private String clientId;

    @BeforeEach
    void anAppThatDeclaredNotificationsByRegionAndCamillesLocationPoints() {
        CertifiedClient.requireInstalled();
        running.importLocationPoints(POINTS);
        running.start();
        owner = running.camille();
        clientId = SharingFixtures.registerRegionalAlerts(owner, CALLBACK);
    }

    @Test
    void theClientGetsTokensRotatesTheRefreshTokenAndReadsRegionsOnly() {
        try (CertifiedClient app = CertifiedClient.start(running.server(), clientId, CALLBACK)) {
            JsonNode started = app.next("authorizationUrl");
            URI authorizationUrl = URI.create(started.stringValue());
            assertThat(authorizationUrl.toString()).startsWith(running.server().url() + "oauth/authorize?");
            JsonNode consent = SharingFixtures.accept(owner, authorizationUrl.getRawQuery());
            assertThat(consent.get("grant").get("terms").get("precision").get("location").stringValue()).isEqualTo("region");

            app.callback(URI.create(consent.get("redirect").stringValue()));
            JsonNode completed = app.next("completed");

            assertThat(completed.get("tokenType").stringValue()).isEqualToIgnoringCase("bearer");
            assertThat(completed.get("accessToken").stringValue()).isNotBlank();
            assertThat(completed.get("expiresIn").longValue())
                    .isBetween(TokenRoutes.ACCESS_LIFETIME.toSeconds() - 60, TokenRoutes.ACCESS_LIFETIME.toSeconds());
            assertThat(completed.get("grantId").stringValue()).isEqualTo(consent.get("grant").get("id").stringValue());
            assertThat(completed.get("refreshedAccessToken").stringValue()).isNotBlank()
                    .isNotEqualTo(completed.get("accessToken").stringValue());
            assertThat(completed.get("refreshedRefreshToken").stringValue()).isNotBlank()
                    .isNotEqualTo(completed.get("refreshToken").stringValue());
            assertThat(completed.get("resourceStatus").intValue()).as(completed.toString()).isEqualTo(200);
            JsonNode records = completed.get("resource").get("records");
            assertThat(records).hasSize(5);
            records.forEach(record -> {
                assertThat(record.get("payload").get("area").get("level").stringValue()).isEqualTo("region");
                assertThat(record.get("payload").get("area").get("code").stringValue()).isEqualTo("FR-ARA");
            });
            assertThat(completed.get("resource").has("next")).as("a cursor to the other %d points", POINTS - 5).isTrue();
            assertThat(completed.get("resource").toString()).doesNotContain("45.75");
            assertThat(spend(completed.get("refreshToken").stringValue()).getErrorObject().getCode())
                    .as("the first refresh token, spent by the client").isEqualTo("invalid_grant");
        }
    }

    /**
     * A mix-up attack (RFC 9207): a callback that claims to come from another authorization server must be refused by
     * the client before it spends the code. Only where the server announces that it names itself in its responses.
     */
    @Test
    void theClientRejectsACallbackNamingAnotherIssuerWhenTheServerAnnouncesIss() {
        JsonNode metadata = ApiClient.json(owner.get("/.well-known/oauth-authorization-server"));
        JsonNode announced = metadata.path("authorization_response_iss_parameter_supported");
        assumeTrue(announced.isBoolean() && announced.booleanValue(),
                "the server does not announce authorization_response_iss_parameter_supported yet");
        try (CertifiedClient app = CertifiedClient.start(running.server(), clientId, CALLBACK)) {
            URI authorizationUrl = URI.create(app.next("authorizationUrl").stringValue());
            URI redirect = URI.create(SharingFixtures.accept(owner, authorizationUrl.getRawQuery())
                    .get("redirect").stringValue());
            String issuer = metadata.get("issuer").stringValue();
            assertThat(SharingFixtures.queryParameter(redirect, "iss")).isEqualTo(issuer);

            URI forged = withIssuer(redirect, FORGED_ISSUER);
            assertThat(SharingFixtures.queryParameter(forged, "code"))
                    .isEqualTo(SharingFixtures.queryParameter(redirect, "code"));

            app.callback(forged);
            JsonNode rejected = app.next("rejected");
            assertThat(rejected.get("code").stringValue()).isEqualTo("OAUTH_INVALID_RESPONSE");
            assertThat(rejected.get("cause").stringValue()).as(rejected.toString()).contains("\"iss\" (issuer)");

            app.callback(redirect);
            assertThat(app.next("completed").get("resourceStatus").intValue())
                    .as("the genuine callback still redeems the code the forged one was refused").isEqualTo(200);
        }
    }

    private TokenErrorResponse spend(String refreshToken) {
        TokenResponse response = SharingFixtures.send(new TokenRequest.Builder(
                URI.create(running.server().url() + "oauth/token"), new ClientID(clientId),
                new RefreshTokenGrant(new RefreshToken(refreshToken))).build());
        assertThat(response.indicatesSuccess()).isFalse();
        return response.toErrorResponse();
    }

    /** The same callback, but naming another issuer, as one sent by another authorization server would. */
    private static URI withIssuer(URI redirect, String issuer) {
        String query = Arrays.stream(redirect.getRawQuery().split("&"))
                .map(pair -> pair.startsWith("iss=") ? "iss=" + URLEncoder.encode(issuer, StandardCharsets.UTF_8) : pair)
                .collect(Collectors.joining("&"));
        return URI.create(redirect.toString().substring(0, redirect.toString().indexOf('?') + 1) + query);
    }
}
