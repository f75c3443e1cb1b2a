package org.selfdata.server;

import org.selfdata.testing.SteppingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.vault.Engine;
import org.selfdata.vault.Vault;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed sign-ins against a real server, with the server's clock in the test's hands. */
class SignInLimitTest {
    @TempDir
    Path folder;

    private final SteppingClock clock = new SteppingClock(Instant.parse("2025-06-01T08:00:00Z"));
    private Vault vault;
    private SelfdataServer server;
    private ApiClient client;

    @BeforeEach
    void startServer() {
        vault = TestServers.vaultWithCamille(Engine.SQLITE, folder);
        server = TestServers.start(vault, TestServers.SETTINGS, clock);
        client = new ApiClient(server);
    }

    @AfterEach
    void stopServer() {
        server.close();
        vault.close();
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordWaitsForTheWindowToPass() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(client.signIn("camille", "wrong-password-" + attempt).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = client.signIn("camille", TestServers.PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("900");
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(ApiClient.json(refused)).isEqualTo(ApiClient.json("""
                {"type":"/problems/rate-limited","title":"Too many attempts","status":429,
                 "detail":"too many failed sign-ins; try again in 900 seconds","instance":"/api/v1/session"}"""));
        assertThat(client.sessionToken()).isEmpty();

        clock.advance(Duration.ofMinutes(10));
        HttpResponse<String> stillRefused = client.signIn("camille", TestServers.PASSWORD);
        assertThat(stillRefused.statusCode()).isEqualTo(429);
        assertThat(stillRefused.headers().firstValue("Retry-After")).contains("300");

        clock.advance(Duration.ofMinutes(5));
        assertThat(client.signIn("camille", TestServers.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(client.sessionToken()).isPresent();
    }

    @Test
    void refusedAttemptsDoNotProlongTheWait() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            client.signIn("camille", "wrong-password");
            clock.advance(Duration.ofMinutes(1));
        }
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(client.signIn("camille", "wrong-password").statusCode()).isEqualTo(429);
        }

        clock.advance(Duration.ofMinutes(10));

        assertThat(client.signIn("camille", TestServers.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aMalformedHandleIsRefusedLikeAWrongPasswordWithoutCounting() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            HttpResponse<String> response = client.signIn("Camille Martin", TestServers.PASSWORD);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(ApiClient.json(response).get("detail").stringValue()).isEqualTo("the handle or the password is wrong");
        }

        assertThat(client.signIn("camille", TestServers.PASSWORD).statusCode()).isEqualTo(200);
    }
}
