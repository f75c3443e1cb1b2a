package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.gate.Gate;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.vault.Engine;
import org.selfdata.vault.Vault;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelfdataServerTest {
    @RegisterExtension
    final RunningServer running = RunningServer.started(Engine.SQLITE);
    private final SelfdataServer server = running.server();
    private final Vault vault = running.vault();

    @Test
    void aServerOnPortZeroTellsWhereItListens() {
        HttpResponse<String> health = new ApiClient(server).get("/api/v1/health");

        assertThat(server.port()).isPositive();
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void aPortInUseIsReportedWithTheAddress() {
        ServerSettings taken = TestServers.SETTINGS.withPort(server.port());

        assertThatThrownBy(() -> SelfdataServer.start(taken, vault, Gate.over(vault)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("cannot listen on 127.0.0.1:" + server.port() + ": Port already in use. Make sure no other process "
                        + "is using port " + server.port() + " and try again.")
                .extracting(failure -> ((SelfdataException) failure).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void anOperatorsTariffTableThatCannotBeReadStopsTheServerNamingItsLine(@TempDir Path folder) throws IOException {
        Path tariffs = folder.resolve("tariffs.csv");
        Files.writeString(tariffs, "applies-from;2026-02-30\n");

        assertThatThrownBy(() -> SelfdataServer.start(TestServers.SETTINGS.withTariffs(tariffs), vault, Gate.over(vault)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the tariff table tariffs.csv, line 1: '2026-02-30' is not a day written YYYY-MM-DD");
    }
}
