package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.vault.Engine;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The probes on SQLite and on PostgreSQL, where the vault's pools are closed under the running server. */
@ParameterizedClass
@EnumSource(Engine.class)
class HealthRoutesTest {
    @RegisterExtension
    final RunningServer running;
    private final ApiClient nobody;

    HealthRoutesTest(Engine engine) {
        running = RunningServer.started(engine);
        nobody = new ApiClient(running.server());
    }

    @Test
    void theProcessSaysItIsUpToAnyoneWithoutSigningIn() {
        HttpResponse<String> live = nobody.get("/api/v1/health/live");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        assertThat(live.body()).isEqualTo("{\"status\":\"up\"}");
    }

    @Test
    void theServerIsReadyWhileTheVaultsDatabaseAnswers() {
        HttpResponse<String> ready = nobody.get("/api/v1/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"up\"}");
    }

    @Test
    void theOldHealthCheckAnswersAsBefore() {
        HttpResponse<String> health = nobody.get("/api/v1/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void onceTheDatabaseIsGoneTheServerIsNotReadyButStillLiveAndSaysNotWhereTheDatabaseWas() {
        running.vault().close();

        Instant asked = Instant.now();
        HttpResponse<String> ready = nobody.get("/api/v1/health/ready");
        Duration took = Duration.between(asked, Instant.now());

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(ApiClient.json(ready).get("detail").stringValue())
                .isEqualTo("the vault's database does not answer; requests should go elsewhere until it does");
        assertThat(ready.body())
                .doesNotContain(running.vault().location().folder().toString())
                .doesNotContain(running.vault().location().describe())
                .doesNotContainIgnoringCase("sqlite")
                .doesNotContainIgnoringCase("postgres")
                .doesNotContain("jdbc");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        assertThat(nobody.get("/api/v1/health/live").statusCode()).isEqualTo(200);
    }
}
