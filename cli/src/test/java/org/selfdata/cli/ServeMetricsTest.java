package org.selfdata.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A real {@code selfdata serve}, in a process of its own: it listens for metrics only when asked to, and then serves
 * them at the address it prints.
 */
class ServeMetricsTest {
    private static final String PASSWORD = "lyon-2025-guillotiere";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;
    private Process server;

    @AfterEach
    void stopTheServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void withoutAMetricsPortTheServerListensOnItsOwnPortAlone() throws Exception {
        assumeThat(Path.of("/proc/net/tcp")).as("a Linux /proc to list the process's listening sockets").exists();
        int port = freePort();
        server = serve(Map.of(), "--port", Integer.toString(port));
        awaitReady(port);

        assertThat(listeningPorts(server.pid())).containsExactly(port);
        assertThat(Files.readString(output())).doesNotContain("metrics");
    }

    @Test
    void withAMetricsPortTheServerSaysWhereAndServesPrometheusTextThere() throws Exception {
        int port = freePort();
        int metricsPort = freePort();
        server = serve(Map.of("SELFDATA_METRICS_PORT", Integer.toString(metricsPort)), "--port", Integer.toString(port));
        awaitReady(port);

        HttpResponse<String> scraped = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(Files.readString(output()))
                .contains("Prometheus metrics are served at http://127.0.0.1:" + metricsPort + "/metrics");
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains(
                "selfdata_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/health/ready\",status=\"200\"} 1",
                "hikaricp_connections{pool=\"selfdata-sqlite\"}", "jvm_memory_used_bytes{");
        if (Files.exists(Path.of("/proc/net/tcp"))) {
            assertThat(listeningPorts(server.pid())).containsExactlyInAnyOrder(port, metricsPort);
        }
    }

    private Process serve(Map<String, String> environment, String... options) throws IOException {
        CommandRun.Result init = new CommandRun(home).runWithInput(PASSWORD + "\n", "init", "--handle", "camille", "--zone",
                "Europe/Paris", "--password-stdin");
        assertThat(init.exitCode()).as(init.err()).isZero();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), Selfdata.class.getName(),
                "serve", "--data", home.resolve(".selfdata").toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output().toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("SELFDATA_"));
        builder.environment().put("LANG", "en_US.UTF-8");
        builder.environment().putAll(environment);
        return builder.start();
    }

    private Path output() {
        return home.resolve("serve.out");
    }

    /** Waits for the server's readiness, asked once it answers at all: that request is the one the metrics count. */
    private void awaitReady(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                fail("selfdata serve stopped (exit " + server.exitValue() + "): " + Files.readString(output()));
            }
            try {
                HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding());
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
                return;
            }
            catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        fail("selfdata serve did not answer within a minute");
    }

    /**
     * The TCP ports the process listens on, from Linux's own tables: the sockets among its open files, and those of
     * them in the LISTEN state (0A) in /proc/net/tcp and tcp6.
     */
    private static List<Integer> listeningPorts(long pid) throws IOException {
        Set<String> sockets = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path file : files.toList()) {
                try {
                    String target = Files.readSymbolicLink(file).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                }
                catch (IOException closedMeanwhile) {
                    // A file closed between the listing and the reading is no listening socket.
                }
            }
        }
        List<Integer> ports = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path).subList(1, Files.readAllLines(path).size())) {
                String[] columns = line.strip().split("\\s+");
                if (columns[3].equals("0A") && sockets.contains(columns[9])) {
                    String local = columns[1];
                    ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
