package org.selfdata.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signing in with the operator's OpenID Connect provider, against a real provider running in the test's process, over
 * HTTP through the real server, as a browser does it: sent to the provider, back with a code, signed in. On SQLite and
 * on PostgreSQL, where the identities are under row-level security.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class SingleSignOnTest {
    private static final String PROVIDER = "university";
    private static final String CLIENT = "selfdata-vault";
    private static final String SECRET = "the-vaults-secret-at-the-university";
    private static final String CAMILLE_AT_LYON = "f3a1c2d4-camille";
    private static final String DOMINIQUE_AT_LYON = "9b7e5a3c-dominique";

    @RegisterExtension
    final RunningServer running;
    private final Vault vault;
    private final MockOAuth2Server provider = new MockOAuth2Server();
    private Person camille;
    private String issuer;

    SingleSignOnTest(Engine engine) {
        running = new RunningServer(engine);
        vault = running.vault();
    }

    @BeforeEach
    void startTheProvider() {
        provider.start();
        issuer = provider.issuerUrl(PROVIDER).toString();
        camille = vault.people().find("camille").orElseThrow();
    }

    @AfterEach
    void stopTheProvider() {
        provider.shutdown();
    }

    @Test
    void aLinkedSubjectSignsInAndReadsItsOwnRecordsAndNotAnotherPersons() {
        running.importLocationPoints(5);
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        vault.identities().link(camille.id(), issuer, CAMILLE_AT_LYON);
        vault.identities().link(dominique.id(), issuer, DOMINIQUE_AT_LYON);
        SelfdataServer server = running.start(settings(false));
        String camillesRecord = ApiClient.json(running.camille().get("/api/v1/records?limit=1")).get("records").get(0)
                .get("id").stringValue();

        provider.enqueueCallback(new DefaultOAuth2TokenCallback(PROVIDER, DOMINIQUE_AT_LYON));
        Browser browser = new Browser(server);
        HttpResponse<String> back = browser.signInAtTheProvider("/money");

        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("url=/money").contains("href=\"/money\"");
        ApiClient dominiques = browser.apiClient();
        HttpResponse<String> session = dominiques.get("/api/v1/session");
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(session).get("person").get("handle").stringValue()).isEqualTo("dominique");
        dominiques.useCsrfToken(ApiClient.json(session).get("csrfToken").stringValue());
        assertThat(ApiClient.json(dominiques.get("/api/v1/status")).get("records").asLong()).isZero();
        assertThat(dominiques.get("/api/v1/records/" + camillesRecord).statusCode()).isEqualTo(404);
        assertThat(dominiques.post("/api/v1/log/auditors", "{\"name\":\"CNIL\"}").statusCode())
                .as("a change, with the session's CSRF token").isEqualTo(201);

        provider.enqueueCallback(new DefaultOAuth2TokenCallback(PROVIDER, CAMILLE_AT_LYON));
        Browser camillesBrowser = new Browser(server);
        camillesBrowser.signInAtTheProvider("/");
        assertThat(ApiClient.json(camillesBrowser.apiClient().get("/api/v1/status")).get("records").asLong()).isEqualTo(5);
    }

    @Test
    void theCodeIsExchangedWithThePkceVerifierOfItsChallengeAndTheClientsSecret() throws InterruptedException {
        vault.identities().link(camille.id(), issuer, CAMILLE_AT_LYON);
        SelfdataServer server = running.start(settings(false));
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(PROVIDER, CAMILLE_AT_LYON));
        Browser browser = new Browser(server);

        URI authorization = browser.startSigningIn("/");
        Map<String, String> asked = query(authorization);
        assertThat(asked).containsEntry("response_type", "code").containsEntry("client_id", CLIENT)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", server.issuer().resolve("sign-in/oidc/callback").toString())
                .containsKeys("state", "nonce", "code_challenge");
        assertThat(asked.get("scope")).contains("openid");
        assertThat(browser.finish(browser.atTheProvider(authorization)).statusCode()).isEqualTo(200);

        RecordedRequest tokenRequest = tokenRequest();
        Map<String, String> form = form(tokenRequest.getBody().readUtf8());
        assertThat(form).containsEntry("grant_type", "authorization_code").containsKeys("code", "code_verifier");
        assertThat(challengeOf(form.get("code_verifier"))).isEqualTo(asked.get("code_challenge"));
        assertThat(tokenRequest.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anUnknownSubjectIsRefusedWithAPageThatSaysWhyAndNothingIsCreated() {
        SelfdataServer server = running.start(settings(false));
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(PROVIDER, "stranger-42"));
        Browser browser = new Browser(server);

        HttpResponse<String> back = browser.signInAtTheProvider("/");

        assertRefused(browser, back, "unknown");
        HttpResponse<String> page = browser.get(server.url() + back.headers().firstValue("Location").orElseThrow().substring(1));
        assertThat(page.body()).contains("id=\"sign-in-refused\"")
                .contains("nobody in this vault is linked to that identity, and nothing was created");
        assertThat(vault.people().list()).containsExactly(camille);
    }

    @Test
    void withEnrolmentAnUnknownSubjectBecomesAMemberNamedAsTheProviderSaysAndComesBackAsTheSamePerson() {
        SelfdataServer server = running.start(settings(true));
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(PROVIDER, "alix-77", "JWT", null,
                Map.of("preferred_username", "Alix.Martin")));

        Browser browser = new Browser(server);
        assertThat(browser.signInAtTheProvider("/").statusCode()).isEqualTo(200);

        Person alix = vault.people().find("alix.martin").orElseThrow();
        assertThat(alix.role()).isEqualTo(Person.Role.MEMBER);
        assertThat(alix.zone()).isEqualTo(camille.zone());
        assertThat(vault.identities().find(issuer, "alix-77")).contains(alix);
        assertThat(ApiClient.json(browser.apiClient().get("/api/v1/session")).get("person").get("handle").stringValue())
                .isEqualTo("alix.martin");

        provider.enqueueCallback(new DefaultOAuth2TokenCallback(PROVIDER, "alix-77", "JWT", null,
                Map.of("preferred_username", "someone-else")));
        assertThat(new Browser(server).signInAtTheProvider("/").statusCode()).isEqualTo(200);
        assertThat(vault.people().list()).extracting(Person::handle).containsExactly("camille", "alix.martin");
    }

    @Test
    void withEnrolmentAUserNameThatIsTakenOrNoHandleGivesAMadeUpHandle() {
        SelfdataServer server = running.start(settings(true));
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(PROVIDER, "other-camille", "JWT", null,
                Map.of("preferred_username", "camille")));
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(PROVIDER, "bao-3", "JWT", null,
                Map.of("preferred_username", "Bao Nguyen <bao@university.example>")));

        new Browser(server).signInAtTheProvider("/");
        new Browser(server).signInAtTheProvider("/");

        assertThat(vault.identities().find(issuer, "other-camille")).get().extracting(Person::handle).asString()
                .matches("member-[a-z0-9]{10}");
        assertThat(vault.identities().find(issuer, "bao-3")).get().extracting(Person::handle).asString()
                .matches("member-[a-z0-9]{10}");
        assertThat(vault.people().find("camille")).contains(camille);
    }

    @Test
    void aTamperedStateIsRefused() {
        vault.identities().link(camille.id(), issuer, CAMILLE_AT_LYON);
        SelfdataServer server = running.start(settings(false));
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(PROVIDER, CAMILLE_AT_LYON));
        Browser browser = new Browser(server);
        URI back = browser.atTheProvider(browser.startSigningIn("/"));
        String state = query(back).get("state");

        URI tampered = URI.create(back.toString().replace("state=" + state, "state=" + state.substring(1) + "A"));

        assertRefused(browser, browser.finish(tampered), "failed");
    }

    @Test
    void aStateFromAnotherBrowserIsRefused() {
        vault.identities().link(camille.id(), issuer, CAMILLE_AT_LYON);
        SelfdataServer server = running.start(settings(false));
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(PROVIDER, CAMILLE_AT_LYON));
        Browser attacker = new Browser(server);
        URI back = attacker.atTheProvider(attacker.startSigningIn("/"));

        Browser victim = new Browser(server);

        assertRefused(victim, victim.finish(back), "failed");
    }

    @Test
    void aStateIsUsedOnceAReplayIsRefused() {
        vault.identities().link(camille.id(), issuer, CAMILLE_AT_LYON);
        SelfdataServer server = running.start(settings(false));
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(PROVIDER, CAMILLE_AT_LYON));
        Browser browser = new Browser(server);
        URI authorization = browser.startSigningIn("/");
        String state = query(authorization).get("state");
        URI back = browser.atTheProvider(authorization);
        assertThat(browser.finish(back).statusCode()).isEqualTo(200);

        Browser replaying = new Browser(server);
        replaying.keepStateCookie(state);

        assertRefused(replaying, replaying.finish(back), "failed");
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefused() {
        vault.identities().link(camille.id(), issuer, CAMILLE_AT_LYON);
        SelfdataServer server = running.start(settings(false));
        provider.enqueueCallback(anotherAudience());
        Browser browser = new Browser(server);

        assertRefused(browser, browser.signInAtTheProvider("/"), "failed");
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() {
        vault.identities().link(camille.id(), issuer, CAMILLE_AT_LYON);
        SelfdataServer server = running.start(settings(false));
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(PROVIDER, CAMILLE_AT_LYON, "JWT", null,
                Map.of("nonce", "a-nonce-of-another-sign-in")));
        Browser browser = new Browser(server);

        assertRefused(browser, browser.signInAtTheProvider("/"), "failed");
    }

    @Test
    void aCallbackWithoutACodeIsRefused() {
        SelfdataServer server = running.start(settings(false));
        Browser browser = new Browser(server);
        String state = query(browser.startSigningIn("/")).get("state");

        assertRefused(browser, browser.finish(server.issuer().resolve("sign-in/oidc/callback?error=access_denied&state="
                + state)), "failed");
    }

    @Test
    void failedSignInsAtTheProviderAreThrottledByAddressAsPasswordsAre() {
        vault.identities().link(camille.id(), issuer, CAMILLE_AT_LYON);
        SelfdataServer server = running.start(settings(false).withSignInLimits(
                new SignInLimits(2, java.time.Duration.ofMinutes(15), 100)));
        for (int attempt = 0; attempt < 2; attempt++) {
            Browser browser = new Browser(server);
            browser.startSigningIn("/");
            assertRefused(browser, browser.finish(server.issuer().resolve("sign-in/oidc/callback?state=forged&code=c")),
                    "failed");
        }
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(PROVIDER, CAMILLE_AT_LYON));
        Browser honest = new Browser(server);

        HttpResponse<String> throttled = honest.signInAtTheProvider("/");

        assertRefused(honest, throttled, "throttled");
        assertThat(throttled.headers().firstValue("Retry-After")).get().asString().matches("[1-9][0-9]*");
        assertThat(new ApiClient(server).signIn("camille", TestServers.PASSWORD).statusCode())
                .as("a password from the same address").isEqualTo(429);
    }

    @Test
    void neitherTheSecretNorACodeNorATokenIsLoggedEvenWhenASignInFails() {
        Logger logger = (Logger) LoggerFactory.getLogger("org.selfdata");
        Level before = logger.getLevel();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        logger.setLevel(Level.DEBUG);
        try {
            vault.identities().link(camille.id(), issuer, CAMILLE_AT_LYON);
            SelfdataServer server = running.start(settings(false));
            provider.enqueueCallback(anotherAudience());
            provider.enqueueCallback(new DefaultOAuth2TokenCallback(PROVIDER, "stranger-42"));
            provider.enqueueCallback(new DefaultOAuth2TokenCallback(PROVIDER, CAMILLE_AT_LYON));
            List<String> codes = new java.util.ArrayList<>();
            for (int attempt = 0; attempt < 3; attempt++) {
                Browser browser = new Browser(server);
                URI back = browser.atTheProvider(browser.startSigningIn("/"));
                codes.add(query(back).get("code"));
                browser.finish(back);
            }

            List<String> messages = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(messages).as("what was logged").anySatisfy(message -> assertThat(message).contains("refused"));
            for (String message : messages) {
                assertThat(message).doesNotContain(SECRET).as("a JSON Web Token").doesNotContain("eyJ");
                assertThat(codes).allSatisfy(code -> assertThat(message).doesNotContain(code));
            }
        }
        finally {
            logger.detachAppender(logged);
            logger.setLevel(before);
        }
    }

    @Test
    void theSignInPageOffersTheProviderByItsNameInTheReadersLanguage() {
        SelfdataServer server = running.start(settings(false));
        Browser browser = new Browser(server);

        assertThat(browser.get(server.url() + "sign-in?next=%2Fmoney").body())
                .contains("Sign in with Université de Lyon")
                .contains("href=\"/sign-in/oidc?next=%2Fmoney\"");
        HttpResponse<String> french = browser.send(HttpRequest.newBuilder(URI.create(server.url() + "sign-in"))
                .header("Accept-Language", "fr"));
        assertThat(french.body()).contains("Se connecter avec Université de Lyon");
    }

    @Test
    void withoutAProviderThereIsNoSuchSignIn() {
        SelfdataServer server = running.start();
        Browser browser = new Browser(server);

        assertThat(browser.get(server.url() + "sign-in").body()).doesNotContain("sign-in-provider");
        assertThat(browser.get(server.url() + "sign-in/oidc").statusCode()).isEqualTo(404);
        assertThat(browser.get(server.url() + "sign-in/oidc/callback?state=x&code=y").statusCode()).isEqualTo(404);
    }

    @Test
    void aProviderWhoseMetadataCannotBeReadStopsTheServerFromStarting() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SingleSignOn nowhere = new SingleSignOn(URI.create("http://127.0.0.1:" + closed + "/realms/students"), CLIENT, SECRET,
                "Université de Lyon", false);

        assertThatThrownBy(() -> running.start(TestServers.SETTINGS.withSingleSignOn(nowhere)))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("cannot read the identity provider's metadata at http://127.0.0.1:" + closed
                        + "/realms/students/.well-known/openid-configuration")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.REMOTE_SERVICE_FAILED);
    }

    @Test
    void aProviderThatNamesAnotherIssuerStopsTheServerFromStarting() {
        SingleSignOn misnamed = new SingleSignOn(URI.create(issuer + "/"), CLIENT, SECRET, "Université de Lyon", false);

        assertThatThrownBy(() -> running.start(TestServers.SETTINGS.withSingleSignOn(misnamed)))
                .isInstanceOf(SelfdataException.class)
                .hasMessageContaining("names the issuer " + issuer + ", not " + issuer + "/");
    }

    private ServerSettings settings(boolean enrols) {
        SingleSignOn singleSignOn = new SingleSignOn(URI.create(issuer), CLIENT, SECRET, "Université de Lyon", false);
        return TestServers.SETTINGS.withSingleSignOn(enrols ? singleSignOn.enrolling() : singleSignOn);
    }

    /** An ID token the provider made for another of its clients. */
    private static DefaultOAuth2TokenCallback anotherAudience() {
        return new DefaultOAuth2TokenCallback(PROVIDER, CAMILLE_AT_LYON, "JWT", null, Map.of("aud", List.of("another-app")));
    }

    private RecordedRequest tokenRequest() throws InterruptedException {
        for (RecordedRequest request = provider.takeRequest(5, TimeUnit.SECONDS); request != null;
                request = provider.takeRequest(5, TimeUnit.SECONDS)) {
            if (request.getPath().endsWith("/token")) {
                return request;
            }
        }
        throw new AssertionError("the provider was never asked for a token");
    }

    private static void assertRefused(Browser browser, HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/sign-in?refused=" + reason);
        assertThat(browser.sessionToken()).as("no session").isEmpty();
    }

    private static String challengeOf(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery());
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    /** A browser: it keeps cookies per site, and its redirects are followed by the test, one at a time. */
    private static final class Browser {
        private final SelfdataServer server;
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http;

        Browser(SelfdataServer server) {
            this.server = server;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        }

        /** Asks the vault to sign in with the provider; the address at the provider it is sent to. */
        URI startSigningIn(String next) {
            HttpResponse<String> start = get(server.url() + "sign-in/oidc?next=" + next);
            assertThat(start.statusCode()).isEqualTo(303);
            return URI.create(start.headers().firstValue("Location").orElseThrow());
        }

        /** The provider signs the person in at once and sends them back: the address it sends them back to. */
        URI atTheProvider(URI authorization) {
            HttpResponse<String> answer = get(authorization.toString());
            assertThat(answer.statusCode()).as("the provider's answer").isEqualTo(302);
            return URI.create(answer.headers().firstValue("Location").orElseThrow());
        }

        HttpResponse<String> finish(URI back) {
            return get(back.toString());
        }

        HttpResponse<String> signInAtTheProvider(String next) {
            return finish(atTheProvider(startSigningIn(next)));
        }

        /** The cookie of a state, as a browser that kept it from an earlier sign-in would send it. */
        void keepStateCookie(String state) {
            HttpCookie cookie = new HttpCookie(OidcRoutes.STATE_COOKIE, state);
            cookie.setPath(OidcRoutes.CALLBACK);
            cookie.setVersion(0);
            cookies.getCookieStore().add(URI.create(server.url()), cookie);
        }

        Optional<String> sessionToken() {
            return cookies.getCookieStore().get(URI.create(server.url())).stream()
                    .filter(cookie -> cookie.getName().equals(SessionCookie.NAME) && !cookie.getValue().isEmpty())
                    .map(HttpCookie::getValue)
                    .findFirst();
        }

        /** A client of the API with this browser's session. */
        ApiClient apiClient() {
            ApiClient client = new ApiClient(server);
            client.useSessionToken(sessionToken().orElseThrow());
            return client;
        }

        HttpResponse<String> get(String address) {
            return send(HttpRequest.newBuilder(URI.create(address)));
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
}
