package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.gate.Gate;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Engine.class)
class SessionRoutesTest {
    /** How long a vault answers from the sessions it keeps without checking for endings elsewhere, with some leeway. */
    private static final Duration TRUSTED_WITHOUT_CHECK = Duration.ofMillis(1_250);

    @RegisterExtension
    final RunningServer running;
    private final Vault vault;
    private final SelfdataServer server;
    private final ApiClient client;

    SessionRoutesTest(Engine engine) {
        running = RunningServer.started(engine);
        vault = running.vault();
        server = running.server();
        client = new ApiClient(server);
    }

    @Test
    void signingInGivesThePersonAndACsrfToken() {
        HttpResponse<String> response = client.signIn("camille", TestServers.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(ApiClient.json(response)).isEqualTo(camillesSession(client.csrfToken().orElseThrow()));
        assertThat(client.csrfToken().orElseThrow()).hasSize(43);
        assertThat(client.sessionToken()).isPresent();
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndLastsAsLongAsTheSession() {
        HttpResponse<String> response = client.signIn("camille", TestServers.PASSWORD);

        List<String> attributes = cookieAttributes(response);
        assertThat(attributes.getFirst()).isEqualTo("selfdata_session=" + client.sessionToken().orElseThrow());
        assertThat(attributes).contains("Path=/", "Max-Age=28800", "HttpOnly", "SameSite=Strict")
                .doesNotContain("Secure")
                .noneMatch(attribute -> attribute.startsWith("Domain="));
    }

    @Test
    void theSessionCookieIsSecureUnlessServingPlainHttpOnLoopback() {
        ServerSettings settings = ServerSettings.defaults().withPort(0);
        try (SelfdataServer secure = SelfdataServer.start(settings, vault, Gate.over(vault))) {
            HttpResponse<String> response = new ApiClient(secure).signIn("camille", TestServers.PASSWORD);

            assertThat(cookieAttributes(response)).contains("Secure", "HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=28800");
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownHandleGetTheSameAnswer() {
        HttpResponse<String> wrongPassword = client.signIn("camille", "lyon-2025-guillotierE");
        HttpResponse<String> unknownHandle = client.signIn("dominique", TestServers.PASSWORD);

        for (HttpResponse<String> response : List.of(wrongPassword, unknownHandle)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("""
                    {"type":"/problems/unauthenticated","title":"Not signed in","status":401,
                     "detail":"the handle or the password is wrong","instance":"/api/v1/session"}"""));
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        }
        assertThat(client.sessionToken()).isEmpty();
    }

    @Test
    void theSignedInOwnerGetsTheirSessionAgain() {
        client.signIn("camille", TestServers.PASSWORD);

        HttpResponse<String> response = client.get("/api/v1/session");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(response)).isEqualTo(camillesSession(client.csrfToken().orElseThrow()));
    }

    @Test
    void withoutASessionThereIsNoSessionToGet() {
        HttpResponse<String> response = client.get("/api/v1/session");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("""
                {"type":"/problems/unauthenticated","title":"Not signed in","status":401,
                 "detail":"sign in first: this needs a session, which POST /api/v1/session starts",
                 "instance":"/api/v1/session"}"""));
    }

    @Test
    void signingOutNeedsTheCsrfToken() {
        client.signIn("camille", TestServers.PASSWORD);
        String csrfToken = client.csrfToken().orElseThrow();

        client.forgetCsrfToken();
        HttpResponse<String> withoutToken = client.delete("/api/v1/session");
        client.useCsrfToken(csrfToken.substring(1) + "A");
        HttpResponse<String> withWrongToken = client.delete("/api/v1/session");

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(withoutToken)).isEqualTo(ApiClient.json("""
                {"type":"/problems/forbidden","title":"Forbidden","status":403,
                 "detail":"this request changes something and needs the X-CSRF-Token header; GET /api/v1/session gives its value",
                 "instance":"/api/v1/session"}"""));
        assertThat(withWrongToken.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(withWrongToken).get("detail").stringValue())
                .isEqualTo("the X-CSRF-Token header is not this session's; GET /api/v1/session gives the current one");
        assertThat(client.get("/api/v1/session").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSessionAndExpiresTheCookie() {
        client.signIn("camille", TestServers.PASSWORD);
        String sessionToken = client.sessionToken().orElseThrow();

        HttpResponse<String> response = client.delete("/api/v1/session");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        List<String> attributes = cookieAttributes(response);
        assertThat(attributes.getFirst()).isEqualTo("selfdata_session=");
        assertThat(attributes).contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT", "Path=/", "HttpOnly", "SameSite=Strict");
        assertThat(vault.sessions().find(sessionToken)).isEmpty();
        client.useSessionToken(sessionToken);
        assertThat(client.get("/api/v1/session").statusCode()).isEqualTo(401);
    }

    @Test
    void aCsrfTokenBelongsToItsSession() {
        ApiClient other = new ApiClient(server);
        client.signIn("camille", TestServers.PASSWORD);
        other.signIn("camille", TestServers.PASSWORD);

        client.useCsrfToken(other.csrfToken().orElseThrow());

        assertThat(other.csrfToken()).isNotEqualTo(client.sessionToken());
        assertThat(client.delete("/api/v1/session").statusCode()).isEqualTo(403);
    }

    @Test
    void signingInAgainEndsTheSessionTheBrowserHad() {
        client.signIn("camille", TestServers.PASSWORD);
        String first = client.sessionToken().orElseThrow();

        client.signIn("camille", TestServers.PASSWORD);

        assertThat(client.sessionToken()).isPresent().isNotEqualTo(Optional.of(first));
        assertThat(vault.sessions().find(first)).isEmpty();
    }

    @Test
    void signingOutOnOneServerIsRefusedAtOnceThereAndWithinASecondOnAnotherSharingTheVault() {
        Vault again = running.openedAgain();
        try (SelfdataServer second = TestServers.start(again)) {
            client.signIn("camille", TestServers.PASSWORD);
            ApiClient elsewhere = new ApiClient(second);
            elsewhere.useSessionToken(client.sessionToken().orElseThrow());
            assertThat(elsewhere.get("/api/v1/session").statusCode()).isEqualTo(200);
            assertThat(elsewhere.get("/api/v1/session").statusCode()).isEqualTo(200);

            assertThat(client.delete("/api/v1/session").statusCode()).isEqualTo(204);
            Instant signedOut = Instant.now();

            client.useSessionToken(elsewhere.sessionToken().orElseThrow());
            assertThat(client.get("/api/v1/session").statusCode()).isEqualTo(401);
            assertThat(refusedBy(elsewhere, signedOut)).isBefore(signedOut.plus(TRUSTED_WITHOUT_CHECK));
        }
    }

    @Test
    void aNewPasswordSetBesideTheRunningServerSignsItsBrowsersOutWithinASecond() {
        client.signIn("camille", TestServers.PASSWORD);
        assertThat(client.get("/api/v1/session").statusCode()).isEqualTo(200);
        assertThat(client.get("/api/v1/session").statusCode()).isEqualTo(200);
        Vault commandLine = running.openedAgain();
        Person camille = commandLine.person(Optional.of("camille"));

        commandLine.people().setPassword(camille.id(), "croix-rousse-2026".toCharArray());
        commandLine.sessions().endAll(camille.id());
        Instant changed = Instant.now();

        assertThat(refusedBy(client, changed)).isBefore(changed.plus(TRUSTED_WITHOUT_CHECK));
    }

    /** When the client's session was first refused, asking every few milliseconds from the given instant. */
    private static Instant refusedBy(ApiClient client, Instant from) {
        Instant giveUp = from.plus(TRUSTED_WITHOUT_CHECK.multipliedBy(5));
        while (Instant.now().isBefore(giveUp)) {
            Instant asked = Instant.now();
            if (client.get("/api/v1/session").statusCode() == 401) {
                return asked;
            }
            try {
                Thread.sleep(10);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return giveUp;
    }

    private static JsonNode camillesSession(String csrfToken) {
        return ApiClient.json("""
                {"person":{"handle":"camille","zone":"Europe/Paris"},"csrfToken":"%s"}""".formatted(csrfToken));
    }

    private static List<String> cookieAttributes(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies).hasSize(1);
        return Arrays.asList(cookies.getFirst().split("; "));
    }
}
