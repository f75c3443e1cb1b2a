package org.selfdata.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntry;
import org.selfdata.model.PersonId;
import org.selfdata.testing.OfxStatements;
import org.selfdata.testing.TestPostgres;
import org.selfdata.vault.Engine;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A real {@code selfdata serve}, in a process of its own, killed with SIGKILL while sixteen clients read records as fast
 * as it answers: every read it answered is on the log once the vault is opened again, and {@code selfdata log verify}
 * passes. Nothing leaves the vault unlogged, even when the process dies the next instant.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class ServeKilledUnderLoadTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "lyon-2025-guillotiere";
    private static final int CLIENTS = 16;
    private static final int ANSWERS_BEFORE_THE_KILL = 300;

    private final Engine engine;
    @TempDir
    Path home;
    private CommandRun selfdata;
    private String databaseUrl = "";
    private Process server;

    ServeKilledUnderLoadTest(Engine engine) {
        this.engine = engine;
    }

    @AfterEach
    void killWhatIsLeft() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void everyReadAnsweredBeforeTheKillIsOnTheLogAndTheLogVerifies() throws Exception {
        camilleWithRecords();
        int port = freePort();
        server = serve(port);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://127.0.0.1:" + port + "/api/v1/";
        awaitHealth(client, base);
        String cookie = signIn(client, base);
        List<String> ids = recordIds(client, base, cookie);
        assertThat(ids).isNotEmpty();

        AtomicLong sent = new AtomicLong(1);
        AtomicLong answered = new AtomicLong(1);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        int inFlightAtTheKill;
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int number = 0; number < CLIENTS; number++) {
                int first = number;
                running.add(clients.submit(() -> {
                    for (int request = first; !killed.get(); request += CLIENTS) {
                        String path = request % 4 == 0 ? "records?limit=5" : "records/" + ids.get(request % ids.size());
                        inFlight.incrementAndGet();
                        sent.incrementAndGet();
                        try {
                            if (client.send(get(base + path, cookie), HttpResponse.BodyHandlers.ofString())
                                    .statusCode() == 200) {
                                answered.incrementAndGet();
                            }
                        }
                        catch (IOException closedByTheKill) {
                            return null;
                        }
                        finally {
                            inFlight.decrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (answered.get() < ANSWERS_BEFORE_THE_KILL && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            inFlightAtTheKill = inFlight.get();
            server.destroyForcibly();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            killed.set(true);
            for (Future<?> one : running) {
                one.get(30, TimeUnit.SECONDS);
            }
        }

        assertThat(server.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        assertThat(answered.get()).isGreaterThanOrEqualTo(ANSWERS_BEFORE_THE_KILL);
        assertThat(inFlightAtTheKill).as("reads under way when the process was killed").isPositive();
        long logged = ownerReadsOnTheLog();
        assertThat(logged).as("reads on the log, of %d answered and %d asked", answered.get(), sent.get())
                .isGreaterThanOrEqualTo(answered.get()).isLessThanOrEqualTo(sent.get());
        CommandRun.Result verify = selfdata.run("log", "verify");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    /** Camille's vault, with a password and twenty records: the import is the log's first entry. */
    private void camilleWithRecords() throws IOException {
        selfdata = new CommandRun(home);
        if (engine == Engine.POSTGRES) {
            databaseUrl = TestPostgres.get().newDatabase();
            selfdata.with("SELFDATA_DB", plainUrl()).with("SELFDATA_DB_USER", TestPostgres.ROLE)
                    .with("SELFDATA_DB_PASSWORD", TestPostgres.PASSWORD);
        }
        CommandRun.Result init = selfdata.runWithInput(PASSWORD + "\n", "init", "--handle", "camille", "--zone",
                "Europe/Paris", "--password-stdin");
        assertThat(init.exitCode()).as(init.err()).isZero();
        String transactions = IntStream.range(1, 21).mapToObj(day -> "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>202501%02d<TRNAMT>-%d.20"
                .formatted(day, day) + "<NAME>CB CAFE " + day + "</STMTTRN>").collect(Collectors.joining());
        Path statement = Files.writeString(home.resolve("releve.ofx"), OfxStatements.checking(transactions));
        CommandRun.Result imported = selfdata.run("import", statement.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
    }

    private Process serve(int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), Selfdata.class.getName(),
                "serve", "--data", folder().toString(), "--port", Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("serve.out").toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("SELFDATA_"));
        if (engine == Engine.POSTGRES) {
            builder.environment().put("SELFDATA_DB", plainUrl());
            builder.environment().put("SELFDATA_DB_USER", TestPostgres.ROLE);
            builder.environment().put("SELFDATA_DB_PASSWORD", TestPostgres.PASSWORD);
        }
        return builder.start();
    }

    private void awaitHealth(HttpClient client, String base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                fail("selfdata serve stopped (exit " + server.exitValue() + "): "
                        + Files.readString(home.resolve("serve.out")));
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        fail("selfdata serve did not answer within a minute");
    }

    private static String signIn(HttpClient client, String base) throws Exception {
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(base + "session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"handle\":\"camille\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        return signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    /** The ids of Camille's records: this read is on the log too, and answered like the others. */
    private static List<String> recordIds(HttpClient client, String base, String cookie) throws Exception {
        HttpResponse<String> page = client.send(get(base + "records?limit=100", cookie), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode record : JSON.readTree(page.body()).get("records")) {
            ids.add(record.get("id").asString());
        }
        return ids;
    }

    private static HttpRequest get(String address, String cookie) {
        return HttpRequest.newBuilder(URI.create(address)).header("Cookie", cookie).timeout(Duration.ofSeconds(30)).build();
    }

    /** How many of Camille's own reads the log holds, counting the repeats an entry may stand for. */
    private long ownerReadsOnTheLog() {
        VaultLocation location = engine == Engine.POSTGRES
                ? VaultLocation.postgres(folder(), VaultLocation.PostgresDatabase.of(databaseUrl))
                : VaultLocation.sqlite(folder());
        try (Vault vault = Vault.open(location, KeySource.keyFile(folder().resolve(VaultLocation.KEY_FILE)))) {
            PersonId camille = vault.people().find("camille").orElseThrow().id();
            LogQuery reads = LogQuery.all().withAction(LogAction.READ);
            long count = 0;
            List<LogEntry> page = vault.log().query(camille, reads);
            while (!page.isEmpty()) {
                count += page.stream().filter(entry -> entry.actor() instanceof LogActor.Owner)
                        .mapToLong(entry -> entry.draft().requests()).sum();
                page = vault.log().query(camille, reads.after(page.getLast().index()));
            }
            return count;
        }
    }

    private Path folder() {
        return home.resolve(".selfdata");
    }

    private String plainUrl() {
        return databaseUrl.substring(0, databaseUrl.indexOf('?'));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
