package org.selfdata.server;

import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.vault.Engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization endpoint to the letter: it names itself by the address it was given, never by what a request's
 * {@code Host} says (RFC 8414, section 6); every answer at an app's redirect URI carries {@code iss} (RFC 9207).
 */
class AuthorizationEndpointTest {
    private static final URI CALLBACK = URI.create("https://alertes.example/callback");
    private static final URI ISSUER = URI.create("https://vault.example/");
    private static final State STATE = new State("state-of-the-app");
    private static final CodeVerifier VERIFIER = new CodeVerifier();

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);

    @Test
    void theMetadataNamesTheConfiguredIssuerWhateverHostTheRequestNames() {
        running.start(TestServers.SETTINGS.withIssuer(ISSUER));

        String answer = rawGet("/.well-known/oauth-authorization-server", "evil.example");

        AuthorizationServerMetadata metadata = metadata(answer);
        assertThat(metadata.getIssuer()).isEqualTo(new Issuer(ISSUER));
        assertThat(metadata.getAuthorizationEndpointURI()).isEqualTo(URI.create("https://vault.example/oauth/authorize"));
        assertThat(metadata.getTokenEndpointURI()).isEqualTo(URI.create("https://vault.example/oauth/token"));
        assertThat(metadata.getJWKSetURI()).isEqualTo(URI.create("https://vault.example/.well-known/jwks.json"));
        assertThat(metadata.supportsAuthorizationResponseIssuerParam()).isTrue();
        assertThat(answer).doesNotContain("evil.example");
    }

    @Test
    void withoutAnIssuerSetTheServerNamesTheAddressAndPortItListensOn() {
        SelfdataServer server = running.start();

        AuthorizationServerMetadata metadata = metadata(rawGet("/.well-known/oauth-authorization-server", "evil.example"));

        assertThat(server.issuer()).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/"));
        assertThat(metadata.getIssuer()).isEqualTo(new Issuer(server.issuer()));
        assertThat(metadata.getTokenEndpointURI()).isEqualTo(server.issuer().resolve("oauth/token"));
    }

    @Test
    void theCodeAndTheRefusalBothNameTheIssuer() throws Exception {
        running.importLocationPoints(3);
        running.start(TestServers.SETTINGS.withIssuer(ISSUER));
        ApiClient owner = running.camille();
        String clientId = SharingFixtures.registerRegionalAlerts(owner, CALLBACK);
        AuthorizationRequest request = request(clientId, CALLBACK).build();

        HttpResponse<String> refused = owner.post("/api/v1/authorizations/refusal",
                SharingFixtures.requestBody(request.toQueryString()));
        String accepted = given(owner, request);

        AuthorizationErrorResponse refusal = AuthorizationResponse.parse(redirect(refused)).toErrorResponse();
        assertThat(refusal.getErrorObject().getCode()).isEqualTo("access_denied");
        assertThat(refusal.getState()).isEqualTo(STATE);
        assertThat(refusal.getIssuer()).isEqualTo(new Issuer(ISSUER));
        AuthorizationSuccessResponse success = AuthorizationResponse.parse(URI.create(accepted)).toSuccessResponse();
        assertThat(success.getAuthorizationCode()).isNotNull();
        assertThat(success.getState()).isEqualTo(STATE);
        assertThat(success.getIssuer()).isEqualTo(new Issuer(ISSUER));
    }

    private static AuthorizationRequest.Builder request(String clientId, URI callback) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(clientId))
                .endpointURI(URI.create("http://127.0.0.1/oauth/authorize"))
                .redirectionURI(callback)
                .state(STATE)
                .codeChallenge(VERIFIER, CodeChallengeMethod.S256)
                .authorizationDetails(List.of(SharingFixtures.exactLocationForNotifications()));
    }

    /** The person accepts what the declaration justifies; the address the page would go to. */
    private static String given(ApiClient owner, AuthorizationRequest request) {
        HttpResponse<String> offer = owner.post("/api/v1/authorizations/offer",
                SharingFixtures.requestBody(request.toQueryString()));
        assertThat(offer.statusCode()).as(offer.body()).isEqualTo(200);
        HttpResponse<String> given = owner.post("/api/v1/authorizations", SharingFixtures.acceptance(request.toQueryString(),
                ApiClient.json(offer).get("offer"), "P30D"));
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        return ApiClient.json(given).get("redirect").stringValue();
    }

    private static URI redirect(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return URI.create(ApiClient.json(answer).get("redirect").stringValue());
    }

    private static AuthorizationServerMetadata metadata(String answer) {
        try {
            return AuthorizationServerMetadata.parse(answer.substring(answer.indexOf('{'), answer.lastIndexOf('}') + 1));
        }
        catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalStateException(answer, e);
        }
    }

    /** A request as anyone can write it, with the {@code Host} header the sender chooses; the whole answer. */
    private String rawGet(String path, String host) {
        try (Socket socket = new Socket("127.0.0.1", running.server().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
