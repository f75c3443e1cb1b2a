package org.selfdata.server;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.rar.Action;
import com.nimbusds.oauth2.sdk.rar.AuthorizationDetail;
import com.nimbusds.oauth2.sdk.rar.AuthorizationType;
import com.nimbusds.oauth2.sdk.rar.DataType;
import com.nimbusds.oauth2.sdk.token.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.Gate;
import org.selfdata.gate.Geography;
import org.selfdata.gate.RequestPace;
import org.selfdata.model.Person;
import org.selfdata.testing.SteppingClock;
import org.selfdata.vault.Engine;
import org.selfdata.vault.Vault;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The token endpoint as an app meets it: codes once, PKCE always, refresh tokens rotated, nothing past the grant. */
class TokenRoutesTest {
    private static final URI CALLBACK = URI.create("https://alertes.example/callback");

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.of("camille"));
    private ApiClient owner;
    private String clientId;
    private URI tokenEndpoint;

    @BeforeEach
    void registerTheApp() {
        running.importLocationPoints(3);
        running.start();
        owner = running.camille();
        clientId = SharingFixtures.registerRegionalAlerts(owner, CALLBACK);
        tokenEndpoint = URI.create(running.server().url() + "oauth/token");
    }

    @Test
    void aCodeIsExchangedOnceAndTheAnswerNamesTheGrant() {
        SharingFixtures.Authorized authorized = authorize();

        TokenResponse first = exchange(authorized.code(), authorized.verifier());
        TokenResponse second = exchange(authorized.code(), authorized.verifier());

        assertThat(first.indicatesSuccess()).isTrue();
        AccessTokenResponse tokens = first.toSuccessResponse();
        assertThat(tokens.getTokens().getBearerAccessToken().getLifetime()).isEqualTo(3600);
        assertThat(tokens.getTokens().getRefreshToken()).isNotNull();
        assertThat(tokens.getCustomParameters()).containsEntry("grant_id", authorized.grantId())
                .containsEntry("grant_kind", "read");
        assertThat(error(second)).isEqualTo("invalid_grant");
        assertThat(SharingFixtures.bearerGet(running.server(), tokens.getTokens().getAccessToken().getValue(),
                "/api/v1/shared/grant").statusCode()).as("a code used twice revokes what it gave").isEqualTo(401);
    }

    @Test
    void theTokensSayWhatThePersonGrantedRatherThanWhatWasAsked() {
        SharingFixtures.Authorized authorized = authorize();

        Tokens tokens = exchange(authorized.code(), authorized.verifier()).toSuccessResponse().getTokens();
        Tokens renewed = send(new TokenRequest(tokenEndpoint, new ClientID(clientId),
                new RefreshTokenGrant(tokens.getRefreshToken()))).toSuccessResponse().getTokens();

        for (Tokens issued : List.of(tokens, renewed)) {
            assertThat(issued.getAccessToken().getAuthorizationDetails()).singleElement().satisfies(detail -> {
                assertThat(detail.getType().getValue()).isEqualTo("selfdata");
                assertThat(detail.getActions()).extracting(Action::getValue).containsExactly("read");
                assertThat(detail.getDataTypes()).extracting(DataType::getValue).containsExactly("geo.point");
                assertThat(detail.getStringField("purpose")).isEqualTo("dpv:CommunicationManagement");
                assertThat(detail.getJSONObjectField("precision")).as("asked exact, given the region offered")
                        .containsEntry("location", "region");
                assertThat(detail.getStringField("covered")).isEqualTo("trailing:P3Y");
                assertThat(detail.getStringField("retention")).isEqualTo("P30D");
            });
        }
    }

    @Test
    void aRecipientAskingFasterThanItsPaceIsToldWhenToAskAgain() {
        running.server().close();
        // A minute ahead of the server, which dates the grant: the gate finds it in force.
        SteppingClock gateClock = new SteppingClock(Instant.now().plus(Duration.ofMinutes(1)));
        running.start(TestServers.SETTINGS, new Gate(vault, Geography.bundled(), gateClock, new RequestPace(2, gateClock)));
        owner = running.camille();
        tokenEndpoint = URI.create(running.server().url() + "oauth/token");
        SharingFixtures.Authorized authorized = authorize();
        String accessToken = exchange(authorized.code(), authorized.verifier()).toSuccessResponse().getTokens()
                .getAccessToken().getValue();

        int first = SharingFixtures.bearerGet(running.server(), accessToken, "/api/v1/shared/records").statusCode();
        int second = SharingFixtures.bearerGet(running.server(), accessToken, "/api/v1/shared/records").statusCode();
        HttpResponse<String> refused = SharingFixtures.bearerGet(running.server(), accessToken, "/api/v1/shared/records");

        assertThat(List.of(first, second, refused.statusCode())).containsExactly(200, 200, 429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("30");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(refused.body()).contains("allows 2 requests a minute; ask again later");
        gateClock.advance(Duration.ofSeconds(30));
        assertThat(SharingFixtures.bearerGet(running.server(), accessToken, "/api/v1/shared/records").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aWrongVerifierGetsNoToken() {
        SharingFixtures.Authorized authorized = authorize();

        TokenResponse response = exchange(authorized.code(), new CodeVerifier());

        assertThat(error(response)).isEqualTo("invalid_grant");
        assertThat(response.toErrorResponse().getErrorObject().getDescription())
                .isEqualTo("the code_verifier does not match the code's challenge");
    }

    @Test
    void aRefreshTokenIsRotatedAndASpentOneRevokesTheNewOnes() {
        SharingFixtures.Authorized authorized = authorize();
        Tokens tokens = exchange(authorized.code(), authorized.verifier()).toSuccessResponse().getTokens();

        TokenResponse rotated = send(new TokenRequest(tokenEndpoint, new ClientID(clientId),
                new RefreshTokenGrant(tokens.getRefreshToken())));
        Tokens renewed = rotated.toSuccessResponse().getTokens();
        TokenResponse replayed = send(new TokenRequest(tokenEndpoint, new ClientID(clientId),
                new RefreshTokenGrant(tokens.getRefreshToken())));

        assertThat(renewed.getRefreshToken()).isNotEqualTo(tokens.getRefreshToken());
        assertThat(error(replayed)).isEqualTo("invalid_grant");
        assertThat(SharingFixtures.bearerGet(running.server(), renewed.getAccessToken().getValue(),
                "/api/v1/shared/grant").statusCode()).isEqualTo(401);
    }

    @Test
    void noTokenIsIssuedOnceTheGrantIsWithdrawn() {
        SharingFixtures.Authorized authorized = authorize();
        Tokens tokens = exchange(authorized.code(), authorized.verifier()).toSuccessResponse().getTokens();

        owner.post("/api/v1/grants/" + authorized.grantId() + "/withdrawal", "{}");
        TokenResponse refreshed = send(new TokenRequest(tokenEndpoint, new ClientID(clientId),
                new RefreshTokenGrant(tokens.getRefreshToken())));

        assertThat(error(refreshed)).isEqualTo("invalid_grant");
    }

    @Test
    void aClientFailingBasicAuthenticationIsChallengedToTryBasicAgain() throws Exception {
        HTTPResponse http = new TokenRequest(tokenEndpoint, new ClientSecretBasic(new ClientID(clientId),
                new Secret("not-a-secret-of-this-app")), new ClientCredentialsGrant()).toHTTPRequest().send();

        assertThat(http.getStatusCode()).isEqualTo(401);
        assertThat(http.getHeaderValue("WWW-Authenticate")).isEqualTo("Basic realm=\"selfdata\"");
        assertThat(error(TokenResponse.parse(http))).isEqualTo("invalid_client");
    }

    @Test
    void anAppGetsNoTokenForCredentialsItCannotKeep() throws Exception {
        HTTPRequest http = new HTTPRequest(HTTPRequest.Method.POST, tokenEndpoint);
        http.setContentType("application/x-www-form-urlencoded");
        http.setBody("grant_type=client_credentials&client_id=" + clientId);

        TokenResponse response = TokenResponse.parse(http.send());

        assertThat(error(response)).isEqualTo("unauthorized_client");
    }

    @Test
    void anOrganizationWithoutAWriteGrantInForceGetsNoTokenForItsCredentials() {
        SharingFixtures.Organization supplier = SharingFixtures.registerEnergySupplier(owner, CALLBACK);
        ClientSecretBasic basic = new ClientSecretBasic(new ClientID(supplier.clientId()), supplier.secret());
        TokenResponse withNoGrant = send(new TokenRequest(tokenEndpoint, basic, new ClientCredentialsGrant()));
        SharingFixtures.authorize(owner, running.server(), supplier.clientId(), CALLBACK,
                new AuthorizationDetail.Builder(new AuthorizationType("selfdata"))
                        .actions(List.of(new Action("read")))
                        .dataTypes(List.of(new DataType("energy.reading")))
                        .field("purpose", "dpv:ServiceProvision")
                        .field("precision", java.util.Map.of())
                        .build());

        TokenResponse withAReadGrant = send(new TokenRequest(tokenEndpoint, basic, new ClientCredentialsGrant()));

        assertThat(error(withNoGrant)).isEqualTo("invalid_grant");
        assertThat(error(withAReadGrant)).isEqualTo("invalid_grant");
    }

    @Test
    void aGrantTypeThisServerDoesNotAnswerIsSaidToBeUnsupported() throws Exception {
        TokenResponse password = send(new TokenRequest(tokenEndpoint, new ClientID(clientId),
                new ResourceOwnerPasswordCredentialsGrant("camille", new Secret("a password"))));
        HTTPRequest http = new HTTPRequest(HTTPRequest.Method.POST, tokenEndpoint);
        http.setContentType("application/x-www-form-urlencoded");
        http.setBody("grant_type=urn%3Aexample%3Aunknown&client_id=" + clientId);
        TokenResponse unknown = TokenResponse.parse(http.send());

        assertThat(error(password)).isEqualTo("unsupported_grant_type");
        assertThat(error(unknown)).isEqualTo("unsupported_grant_type");
    }

    @Test
    void anUnknownClientIsRefusedWithoutAChallengeItDidNotMeet() throws Exception {
        HTTPResponse http = new TokenRequest(tokenEndpoint, new ClientID("unknown-client-0001"),
                new AuthorizationCodeGrant(new AuthorizationCode("whatever"), CALLBACK, new CodeVerifier()))
                .toHTTPRequest().send();

        assertThat(http.getStatusCode()).isEqualTo(400);
        assertThat(http.getHeaderValue("WWW-Authenticate")).isNull();
        assertThat(error(TokenResponse.parse(http))).isEqualTo("invalid_client");
    }

    @Test
    void aRequestWithoutATokenIsChallengedWithNoErrorSinceItDidNotTry() {
        HttpResponse<String> response = new ApiClient(running.server()).get("/api/v1/shared/records");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"selfdata\"");
    }

    @Test
    void aLiveTokenAskingBeyondItsGrantIsToldItsScopeIsInsufficient() {
        SharingFixtures.Authorized authorized = authorize();
        String accessToken = exchange(authorized.code(), authorized.verifier()).toSuccessResponse().getTokens()
                .getAccessToken().getValue();

        List<HttpResponse<String>> refused = List.of(
                SharingFixtures.bearerGet(running.server(), accessToken, "/api/v1/shared/records?type=bank.transaction"),
                SharingFixtures.bearerPost(running.server(), accessToken, "/api/v1/shared/records",
                        "{\"records\":[{\"type\":\"geo.point\",\"start\":\"2026-11-20T00:00:00Z\","
                                + "\"payload\":{\"latitude\":48.85,\"longitude\":2.35}}]}"),
                SharingFixtures.bearerGet(running.server(), accessToken, "/api/v1/records"));

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(response.headers().allValues("WWW-Authenticate"))
                    .containsExactly("Bearer error=\"insufficient_scope\"");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/problem+json"));
        });
        assertThat(SharingFixtures.bearerGet(running.server(), "bm90LWEtdG9rZW4tb2YtdGhpcy12YXVsdA", "/api/v1/records")
                .headers().firstValue("WWW-Authenticate")).as("a forged token is not told about scopes").isEmpty();
    }

    @Test
    void theServerDescribesItselfAsRfc8414Says() throws Exception {
        HttpResponse<String> response = new ApiClient(running.server()).get("/.well-known/oauth-authorization-server");

        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.parse(response.body());
        assertThat(metadata.getTokenEndpointURI()).isEqualTo(tokenEndpoint);
        assertThat(metadata.getAuthorizationEndpointURI()).isEqualTo(URI.create(running.server().url() + "oauth/authorize"));
        assertThat(metadata.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
        assertThat(metadata.getGrantTypes()).containsExactlyInAnyOrder(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN,
                GrantType.CLIENT_CREDENTIALS);
        assertThat(metadata.getAuthorizationDetailsTypes()).extracting(type -> type.getValue()).containsExactly("selfdata");
    }

    @Test
    void aDetailOfTheWrongTypeIsRefusedRatherThanTakenAsAbsent() {
        AuthorizationRequest request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new ClientID(clientId))
                .endpointURI(URI.create(running.server().url() + "oauth/authorize"))
                .redirectionURI(CALLBACK)
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                .authorizationDetails(List.of(new AuthorizationDetail.Builder(new AuthorizationType("selfdata"))
                        .field("purpose", "dpv:CommunicationManagement").field("precision", "exact").build()))
                .build();

        HttpResponse<String> offer = owner.post("/api/v1/authorizations/offer",
                SharingFixtures.requestBody(request.toQueryString()));

        assertThat(offer.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(offer).get("detail").stringValue())
                .isEqualTo("authorization_details field 'precision' must be an object");
    }

    private SharingFixtures.Authorized authorize() {
        return SharingFixtures.authorize(owner, running.server(), clientId, CALLBACK,
                SharingFixtures.exactLocationForNotifications());
    }

    private TokenResponse exchange(String code, CodeVerifier verifier) {
        return send(new TokenRequest(tokenEndpoint, new ClientID(clientId),
                new AuthorizationCodeGrant(new AuthorizationCode(code), CALLBACK, verifier)));
    }

    private static TokenResponse send(TokenRequest request) {
        return SharingFixtures.send(request);
    }

    private static String error(TokenResponse response) {
        assertThat(response.indicatesSuccess()).isFalse();
        return ((TokenErrorResponse) response).getErrorObject().getCode();
    }
}
