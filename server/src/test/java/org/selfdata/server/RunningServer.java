package org.selfdata.server;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.selfdata.gate.Gate;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.Vault;

import org.selfdata.model.GeoTrip;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.TimeSpan;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A vault with Camille in it (see {@link TestServers}), in a folder of its own, and the server a test starts over it;
 * both closed, and the folder deleted, after the test. A test class makes it in a field or its constructor, which
 * JUnit runs once per test, and registers it with {@code @RegisterExtension}; the vault is there at once, so that the
 * test can fill it before it starts the server.
 */
final class RunningServer implements AfterEachCallback {
    private final Path folder;
    private final Vault vault;
    private Optional<SelfdataServer> server = Optional.empty();
    private final List<Vault> openedAgain = new java.util.ArrayList<>();

    RunningServer(Engine engine) {
        this(folder -> TestServers.vaultWithCamille(engine, folder));
    }

    /** With a clock that times what the vault stamps: people, sources, batches, sessions. */
    RunningServer(Engine engine, Clock clock) {
        this(folder -> TestServers.vaultWithCamille(engine, folder, clock));
    }

    /** With the server started at once, for tests that need nothing in the vault but Camille. */
    static RunningServer started(Engine engine) {
        RunningServer running = new RunningServer(engine);
        running.start();
        return running;
    }

    private RunningServer(Function<Path, Vault> created) {
        folder = TestVaults.newFolder();
        vault = created.apply(folder);
    }

    Vault vault() {
        return vault;
    }

    /**
     * The same vault opened a second time over the same database, as a second server sharing a PostgreSQL vault or
     * the command line beside a running server would; closed after the test, before the first.
     */
    Vault openedAgain() {
        Vault again = Vault.open(vault.location(), TestVaults.keyFile(folder));
        openedAgain.add(again);
        return again;
    }

    /** Gives Camille that many location points in Lyon, as one Google import, before or after the server starts. */
    void importLocationPoints(int count) {
        importLocationPoints(vault, count);
    }

    /** Gives Camille that many location points in Lyon, as one Google import, in a vault of the test's own. */
    static void importLocationPoints(Vault vault, int count) {
        vault.imports().write(vault.person(Optional.of("camille")).id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY,
                "google-records", "Records.json"), SyntheticRecords.points(count));
    }

    /**
     * Gives Camille one trip by car from Lyon to Montréal a month ago, 70.4 km long by its source's reckoning, as one
     * Google import: a trip whose start has a French region and whose end has none.
     */
    void importTripFromLyonToMontreal() {
        Instant start = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        GeoTrip trip = new GeoTrip(45.7578, 4.8320, 45.5019, -73.5674, Optional.of("IN_PASSENGER_VEHICLE"),
                Optional.of(70_404L), List.of());
        vault.imports().write(vault.person(Optional.of("camille")).id(), new ImportRequest(
                SyntheticRecords.LOCATION_HISTORY, "google-semantic", "Semantic.json"), Stream.of(RecordDraft.of(
                TimeSpan.between(start, start.plus(9, ChronoUnit.HOURS)), trip, Position.jsonPointer("/timelineObjects/0"))));
    }

    /** Starts the server over the vault with the test settings. */
    SelfdataServer start() {
        return start(TestServers.SETTINGS);
    }

    SelfdataServer start(ServerSettings settings) {
        return start(settings, Gate.over(vault));
    }

    /** With a gate of the test's own: another pace for recipients, another clock. */
    SelfdataServer start(ServerSettings settings, Gate gate) {
        SelfdataServer started = SelfdataServer.start(settings, vault, gate);
        server = Optional.of(started);
        return started;
    }

    /** With a fetcher of registration documents that reaches a test's own site, as no setting can make one. */
    SelfdataServer start(RegistrationFetcher fetcher) {
        SelfdataServer started = SelfdataServer.start(TestServers.SETTINGS, vault, Gate.over(vault), Clock.systemUTC(),
                fetcher);
        server = Optional.of(started);
        return started;
    }

    SelfdataServer server() {
        return server.orElseThrow();
    }

    /** A client of the started server, signed in as Camille. */
    ApiClient camille() {
        ApiClient client = new ApiClient(server.orElseThrow());
        client.signIn("camille", TestServers.PASSWORD);
        return client;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            server.ifPresent(SelfdataServer::close);
            openedAgain.forEach(Vault::close);
        }
        finally {
            try {
                vault.close();
            }
            finally {
                TestVaults.delete(folder);
            }
        }
    }
}
