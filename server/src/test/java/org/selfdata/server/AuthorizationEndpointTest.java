package org.selfdata.server;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.Person;
import org.selfdata.model.Recipient;
import org.selfdata.vault.Engine;
import org.selfdata.vault.SampleRecipients;
import org.selfdata.vault.TestVaults;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization endpoint to the letter: it names itself by the address it was given, never by what a request's
 * {@code Host} says (RFC 8414, section 6); every answer at an app's redirect URI carries {@code iss} (RFC 9207); what
 * is wrong with a request goes back to its app when its client and redirect URI are known (RFC 6749, section
 * 4.1.2.1; RFC 9396, section 5), and only then; an app on the person's machine is found on whatever port it listens
 * (RFC 8252, section 7.3).
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

    @Test
    void aFaultyRequestOfAKnownClientGoesBackToItsRedirectUriWithTheErrorItsStateAndTheIssuer() throws Exception {
        SelfdataServer server = running.start();
        String clientId = SharingFixtures.registerRegionalAlerts(running.camille(), CALLBACK);
        ApiClient browser = new ApiClient(server);
        Map<String, String> faults = new LinkedHashMap<>();
        String valid = request(clientId, CALLBACK).build().toQueryString();

        faults.put(without(valid, "code_challenge", "code_challenge_method"), "invalid_request");
        faults.put(with(valid, "code_challenge_method", "plain"), "invalid_request");
        faults.put(with(valid, "response_type", "token"), "unsupported_response_type");
        faults.put(without(valid, "response_type"), "invalid_request");
        faults.put(without(valid, "authorization_details"), "invalid_request");
        faults.put(with(valid, "authorization_details", "[{\"type\":\"payment_initiation\"}]"), "invalid_authorization_details");
        faults.put(with(valid, "authorization_details", "[{\"type\":\"selfdata\""), "invalid_authorization_details");
        faults.put(with(valid, "authorization_details",
                "[{\"type\":\"selfdata\",\"purpose\":\"dpv:CommunicationManagement\",\"precision\":\"exact\"}]"),
                "invalid_authorization_details");

        for (Map.Entry<String, String> fault : faults.entrySet()) {
            HttpResponse<String> answer = browser.get("/oauth/authorize?" + fault.getKey());

            assertThat(answer.statusCode()).as(fault.getKey()).isEqualTo(303);
            URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
            assertThat(location.toString()).as(fault.getKey()).startsWith(CALLBACK + "?");
            AuthorizationErrorResponse error = AuthorizationResponse.parse(location).toErrorResponse();
            assertThat(error.getErrorObject().getCode()).as(fault.getKey()).isEqualTo(fault.getValue());
            assertThat(error.getState()).as(fault.getKey()).isEqualTo(STATE);
            assertThat(error.getIssuer()).as(fault.getKey()).isEqualTo(new Issuer(server.issuer()));
        }
        HttpResponse<String> noPkce = running.camille().get("/oauth/authorize?"
                + without(valid, "code_challenge", "code_challenge_method"));
        assertThat(AuthorizationResponse.parse(redirectTo(noPkce)).toErrorResponse().getErrorObject().getDescription())
                .as("signed in or not, the app is told why")
                .isEqualTo("the request must carry a PKCE code_challenge with code_challenge_method=S256");
        assertThat(browser.get("/oauth/authorize?" + valid).headers().firstValue("Location"))
                .as("a valid request leads the person to sign in, then to the consent page")
                .hasValueSatisfying(next -> assertThat(next).startsWith("/sign-in?next="));
    }

    @Test
    void aRequestOfAnUnknownClientOrToAnUnregisteredAddressIsShownToThePersonAndSentNowhere() {
        SelfdataServer server = running.start();
        ApiClient owner = running.camille();
        String clientId = SharingFixtures.registerRegionalAlerts(owner, CALLBACK);
        String plain = with(request(clientId, CALLBACK).build().toQueryString(), "code_challenge_method", "plain");

        List<String> unanswerable = List.of(
                with(plain, "client_id", "unknown-client-0001"),
                with(plain, "redirect_uri", "https://attacker.example/callback"),
                with(plain, "redirect_uri", CALLBACK + "/deeper"),
                without(plain, "redirect_uri"),
                without(plain, "client_id"));

        for (String query : unanswerable) {
            HttpResponse<String> page = owner.get("/oauth/authorize?" + query);

            assertThat(page.statusCode()).as(query).isEqualTo(200);
            assertThat(page.headers().firstValue("Location")).as(query).isEmpty();
            assertThat(page.headers().firstValue("Content-Type")).as(query).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("text/html"));
        }
        assertThat(new ApiClient(server).get("/oauth/authorize?" + unanswerable.get(1)).headers().firstValue("Location"))
                .as("without a session, the way to the page is signing in, never the unregistered address")
                .hasValueSatisfying(next -> assertThat(next).startsWith("/sign-in?next="));
        HttpResponse<String> offer = owner.post("/api/v1/authorizations/offer",
                SharingFixtures.requestBody(unanswerable.get(1)));
        assertThat(offer.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(offer).get("detail").stringValue())
                .isEqualTo("the redirect_uri is not one the recipient registered; nothing is sent to it");
    }

    @Test
    void aRecipientAwaitingAdmissionIsNeverAnsweredAtTheAddressesItsArchiveBrought(@TempDir Path folder) {
        Person dominique = running.vault().people().create("dominique", TestVaults.PARIS);
        Recipient meteo = RestoredRecipientAdmissionTest.restoreSharingFromElsewhere(Engine.SQLITE, folder, running.vault(),
                dominique);
        running.start();
        String faulty = with(request(meteo.id().value(), SampleRecipients.METEO_REDIRECTS.getFirst()).build()
                .toQueryString(), "code_challenge_method", "plain");

        HttpResponse<String> page = running.camille().get("/oauth/authorize?" + faulty);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aLoopbackRedirectUriMatchesWhateverPortTheAppListensOnAndTheCodeOnlyWithThatVeryUri() throws Exception {
        running.importLocationPoints(3);
        SelfdataServer server = running.start();
        ApiClient owner = running.camille();
        String clientId = registerNativeApp(owner, List.of("http://127.0.0.1/callback", "http://[::1]:8000/callback",
                "http://localhost/callback"));
        URI listening = URI.create("http://127.0.0.1:53111/callback");

        AuthorizationRequest request = request(clientId, listening).build();
        URI answered = URI.create(given(owner, request));
        TokenResponse listeningOne = exchange(server, clientId, code(answered), listening);
        TokenResponse registeredOne = exchange(server, clientId, code(URI.create(given(owner, request))),
                URI.create("http://127.0.0.1/callback"));

        assertThat(answered.toString()).startsWith(listening + "?code=");
        assertThat(listeningOne.indicatesSuccess()).isTrue();
        assertThat(((TokenErrorResponse) registeredOne).getErrorObject().getDescription())
                .as("the code's redirect URI is the request's, port included")
                .isEqualTo("the redirect_uri is not the one the code was issued for");
        assertThat(offerStatus(owner, request(clientId, URI.create("http://[::1]:49152/callback")))).isEqualTo(200);
        assertThat(offerStatus(owner, request(clientId, URI.create("http://localhost:53111/callback"))))
                .as("localhost is a name, matched exactly").isEqualTo(400);
        assertThat(offerStatus(owner, request(clientId, URI.create("http://127.0.0.1:53111/elsewhere")))).isEqualTo(400);
        assertThat(offerStatus(owner, request(clientId, URI.create("http://[::1]:49152/callback?then=1")))).isEqualTo(400);
        assertThat(owner.get("/oauth/authorize?" + with(request(clientId, URI.create("http://localhost:53111/callback"))
                .build().toQueryString(), "code_challenge_method", "plain")).statusCode())
                .as("an unregistered address is never answered at, even with an error").isEqualTo(200);
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

    private static String code(URI answered) throws com.nimbusds.oauth2.sdk.ParseException {
        return AuthorizationResponse.parse(answered).toSuccessResponse().getAuthorizationCode().getValue();
    }

    private static int offerStatus(ApiClient owner, AuthorizationRequest.Builder request) {
        return owner.post("/api/v1/authorizations/offer", SharingFixtures.requestBody(request.build().toQueryString()))
                .statusCode();
    }

    private static TokenResponse exchange(SelfdataServer server, String clientId, String code, URI redirect) {
        return SharingFixtures.send(new TokenRequest(server.issuer().resolve("oauth/token"), new ClientID(clientId),
                new AuthorizationCodeGrant(new AuthorizationCode(code), redirect, VERIFIER)));
    }

    private static String registerNativeApp(ApiClient operator, List<String> redirectUris) {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode registration = (ObjectNode) json.readTree(SharingFixtures.regionalAlerts(CALLBACK));
        ArrayNode uris = registration.putArray("redirectUris");
        redirectUris.forEach(uris::add);
        HttpResponse<String> response = operator.post("/api/v1/recipients", registration.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response).get("id").stringValue();
    }

    private static URI redirect(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return URI.create(ApiClient.json(answer).get("redirect").stringValue());
    }

    private static URI redirectTo(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(303);
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    private static String with(String query, String name, String value) {
        return changed(query, parameters -> parameters.put(name, List.of(value)));
    }

    private static String without(String query, String... names) {
        return changed(query, parameters -> List.of(names).forEach(parameters::remove));
    }

    private static String changed(String query, Consumer<Map<String, List<String>>> change) {
        Map<String, List<String>> parameters = new LinkedHashMap<>(URLUtils.parseParameters(query));
        change.accept(parameters);
        return URLUtils.serializeParameters(parameters);
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
