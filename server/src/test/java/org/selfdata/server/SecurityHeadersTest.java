package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.vault.Engine;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTest {
    @RegisterExtension
    final RunningServer running = RunningServer.started(Engine.SQLITE);
    private final SelfdataServer server = running.server();
    private final ApiClient client = new ApiClient(server);

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        HttpResponse<String> signIn = client.signIn("camille", TestServers.PASSWORD);
        List<HttpResponse<String>> responses = List.of(
                signIn,
                client.get("/api/v1/status"),
                client.get("/api/v1/records"),
                client.get("/api/v1/health"),
                client.get("/api/v1/nothing-here"),
                new ApiClient(server).get("/api/v1/status"),
                client.get("/"),
                client.get("/assets/selfdata.js"));

        for (HttpResponse<String> response : responses) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(response.uri().getPath())
                    .contains("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy")).contains("same-origin");
            assertThat(response.headers().firstValue("Cross-Origin-Resource-Policy")).contains("same-origin");
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void theServerDoesNotNameItself() {
        HttpResponse<String> response = client.get("/api/v1/health");

        assertThat(response.headers().firstValue("Server")).isEmpty();
        assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
    }
}
