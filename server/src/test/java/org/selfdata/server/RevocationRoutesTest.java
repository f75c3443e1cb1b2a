package org.selfdata.server;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.oauth2.sdk.token.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.vault.Engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recipient done with a token ends it at {@code POST /oauth/revoke} (RFC 7009): a refresh token with everything issued
 * from the same authorization, an access token alone, and never another client's token; every answer is 200.
 */
class RevocationRoutesTest {
    private static final URI CALLBACK = URI.create("https://alertes.example/callback");
    private static final URI OTHER_CALLBACK = URI.create("https://autres-alertes.example/callback");

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private ApiClient owner;
    private ClientID client;
    private URI tokenEndpoint;
    private URI revocationEndpoint;

    @BeforeEach
    void registerTheApp() {
        running.importLocationPoints(3);
        running.start();
        owner = running.camille();
        client = new ClientID(SharingFixtures.registerRegionalAlerts(owner, CALLBACK));
        tokenEndpoint = URI.create(running.server().url() + "oauth/token");
        revocationEndpoint = URI.create(running.server().url() + "oauth/revoke");
    }

    @Test
    void revokingARefreshTokenEndsItsFamilyAndTheAccessTokensIssuedFromIt() {
        Tokens first = tokens();
        Tokens renewed = send(new TokenRequest(tokenEndpoint, client, new RefreshTokenGrant(first.getRefreshToken())))
                .toSuccessResponse().getTokens();

        HTTPResponse revoked = revoke(new TokenRevocationRequest(revocationEndpoint, client, renewed.getRefreshToken()));

        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(revoked.getHeaderValue("Cache-Control")).isEqualTo("no-store");
        assertThat(status(renewed.getAccessToken())).isEqualTo(401);
        assertThat(status(first.getAccessToken())).as("issued from the same authorization").isEqualTo(401);
        TokenResponse refreshed = send(new TokenRequest(tokenEndpoint, client,
                new RefreshTokenGrant(renewed.getRefreshToken())));
        assertThat(((TokenErrorResponse) refreshed).getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void revokingAnAccessTokenEndsItAloneAndTheRefreshTokenStillRenews() {
        Tokens tokens = tokens();

        HTTPResponse revoked = revoke(new TokenRevocationRequest(revocationEndpoint, client, tokens.getAccessToken()));

        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(status(tokens.getAccessToken())).isEqualTo(401);
        Tokens renewed = send(new TokenRequest(tokenEndpoint, client, new RefreshTokenGrant(tokens.getRefreshToken())))
                .toSuccessResponse().getTokens();
        assertThat(status(renewed.getAccessToken())).isEqualTo(200);
    }

    @Test
    void anUnknownOrAlreadyRevokedTokenIsAnswered200() {
        Tokens tokens = tokens();

        int once = revoke(new TokenRevocationRequest(revocationEndpoint, client, tokens.getAccessToken())).getStatusCode();
        int twice = revoke(new TokenRevocationRequest(revocationEndpoint, client, tokens.getAccessToken())).getStatusCode();
        int unknown = revoke(new TokenRevocationRequest(revocationEndpoint, client,
                new BearerAccessToken("bm90LWEtdG9rZW4tb2YtdGhpcy12YXVsdA"))).getStatusCode();

        assertThat(new int[] {once, twice, unknown}).containsExactly(200, 200, 200);
    }

    @Test
    void anotherClientsTokenIsLeftAloneThoughTheAnswerIs200() {
        Tokens tokens = tokens();
        ClientID other = new ClientID(SharingFixtures.registerRegionalAlerts(owner, OTHER_CALLBACK));

        HTTPResponse revoked = revoke(new TokenRevocationRequest(revocationEndpoint, other, tokens.getAccessToken()));
        HTTPResponse revokedRefresh = revoke(new TokenRevocationRequest(revocationEndpoint, other,
                tokens.getRefreshToken()));

        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(revokedRefresh.getStatusCode()).isEqualTo(200);
        assertThat(status(tokens.getAccessToken())).isEqualTo(200);
    }

    @Test
    void aConfidentialClientRevokesOnlyWithItsSecret() throws Exception {
        SharingFixtures.Organization supplier = SharingFixtures.registerEnergySupplier(owner, CALLBACK);
        SharingFixtures.Authorized authorized = SharingFixtures.authorize(owner, running.server(), supplier.clientId(),
                CALLBACK, SharingFixtures.meterReadingsWrittenBack());
        ClientSecretBasic basic = new ClientSecretBasic(new ClientID(supplier.clientId()), supplier.secret());
        Tokens tokens = send(new TokenRequest(tokenEndpoint, basic, new AuthorizationCodeGrant(
                new AuthorizationCode(authorized.code()), CALLBACK, authorized.verifier()))).toSuccessResponse().getTokens();

        HTTPResponse unauthenticated = revoke(new TokenRevocationRequest(revocationEndpoint,
                new ClientID(supplier.clientId()), tokens.getAccessToken()));
        int stillLive = status(tokens.getAccessToken());
        HTTPResponse authenticated = revoke(new TokenRevocationRequest(revocationEndpoint, basic,
                tokens.getAccessToken()));

        assertThat(unauthenticated.getStatusCode()).isEqualTo(400);
        assertThat(unauthenticated.getBodyAsJSONObject()).containsEntry("error", "invalid_client");
        assertThat(stillLive).as("a refused revocation revokes nothing").isEqualTo(200);
        assertThat(authenticated.getStatusCode()).isEqualTo(200);
        assertThat(status(tokens.getAccessToken())).isEqualTo(401);
    }

    @Test
    void theMetadataAnnouncesTheRevocationEndpoint() throws Exception {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.parse(new ApiClient(running.server())
                .get("/.well-known/oauth-authorization-server").body());

        assertThat(metadata.getRevocationEndpointURI()).isEqualTo(revocationEndpoint);
        assertThat(metadata.getRevocationEndpointAuthMethods()).contains(ClientAuthenticationMethod.NONE,
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
    }

    private Tokens tokens() {
        SharingFixtures.Authorized authorized = SharingFixtures.authorize(owner, running.server(), client.getValue(),
                CALLBACK, SharingFixtures.exactLocationForNotifications());
        return send(new TokenRequest(tokenEndpoint, client, new AuthorizationCodeGrant(
                new AuthorizationCode(authorized.code()), CALLBACK, authorized.verifier()))).toSuccessResponse().getTokens();
    }

    private int status(Token accessToken) {
        return SharingFixtures.bearerGet(running.server(), accessToken.getValue(), "/api/v1/shared/grant").statusCode();
    }

    private static TokenResponse send(TokenRequest request) {
        return SharingFixtures.send(request);
    }

    private static HTTPResponse revoke(TokenRevocationRequest request) {
        try {
            return request.toHTTPRequest().send();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
