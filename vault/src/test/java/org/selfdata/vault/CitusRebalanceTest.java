package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.testing.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Moving shards while the vault serves: a worker is added to the Citus cluster and {@code citus_rebalance_start} moves
 * shards to it while people import and read. Nothing is lost, nothing is served twice, and every person's log still
 * verifies. Needs a Citus coordinator and a PostgreSQL node with Citus that is not yet in the cluster, named by
 * {@code SELFDATA_TEST_CITUS_SPARE} (host:port), as .ci/citus-cluster starts one; skipped otherwise.
 */
class CitusRebalanceTest {
    private static final int PEOPLE = 6;
    private static final int BATCH = 40;
    private static final Duration PAUSE = Duration.ofMillis(300);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void shardsMovedToANewWorkerUnderImportsAndReadsLoseNothingAndServeNothingTwice(@TempDir Path folder) throws Exception {
        assumeTrue(TestPostgres.get().citus(), "the PostgreSQL of the tests is not a Citus coordinator");
        Optional<String> spare = Optional.ofNullable(System.getenv("SELFDATA_TEST_CITUS_SPARE")).filter(s -> !s.isBlank());
        assumeTrue(spare.isPresent(), "no spare Citus node named by SELFDATA_TEST_CITUS_SPARE");
        String spareHost = spare.get().substring(0, spare.get().lastIndexOf(':'));
        int sparePort = Integer.parseInt(spare.get().substring(spare.get().lastIndexOf(':') + 1));

        String url = TestPostgres.get().newDatabase();
        String database = url.replaceAll(".*/([^/?]+)\\?.*", "$1");
        // The spare node is outside the cluster, so the database was not made there: it is made and given Citus as an
        // operator would before adding the node.
        TestPostgres.get().administerNode(spareHost, sparePort, "postgres",
                "SET citus.enable_create_database_propagation = off", "CREATE DATABASE " + database);
        TestPostgres.get().administerNode(spareHost, sparePort, database, "CREATE EXTENSION IF NOT EXISTS citus");
        try (Vault vault = TestVaults.createInDatabase(folder, url)) {
            List<Person> people = new ArrayList<>();
            ConcurrentHashMap<Person, AtomicLong> imported = new ConcurrentHashMap<>();
            for (int index = 0; index < PEOPLE; index++) {
                Person person = vault.people().create("person" + index, TestVaults.PARIS);
                people.add(person);
                imported.put(person, new AtomicLong());
            }
            AtomicLong batches = new AtomicLong();
            for (Person person : people) {
                imported.get(person).addAndGet(importOnce(vault, person, batches.getAndIncrement()));
            }

            AtomicBoolean moving = new AtomicBoolean(true);
            List<String> problems = new CopyOnWriteArrayList<>();
            AtomicLong reads = new AtomicLong();
            ExecutorService load = Executors.newFixedThreadPool(4);
            List<Future<?>> workers = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                int first = thread;
                // Each importing thread has people of its own: a person's imports one at a time, as from one browser.
                workers.add(load.submit(() -> {
                    int turn = first;
                    while (moving.get()) {
                        Person person = people.get(turn % PEOPLE);
                        turn += 2;
                        imported.get(person).addAndGet(importOnce(vault, person, batches.getAndIncrement()));
                        // A steady load rather than a flood: a shard move catches up with the writes made meanwhile
                        // before it switches over, and on two cores an endless stream of imports would keep it from ever
                        // catching up.
                        Thread.sleep(PAUSE.toMillis());
                    }
                    return null;
                }));
                workers.add(load.submit(() -> {
                    int turn = first;
                    while (moving.get()) {
                        Person person = people.get(turn++ % PEOPLE);
                        long before = imported.get(person).get();
                        List<String> ids;
                        try (var read = vault.records().read(person.id(), RecordQuery.all())) {
                            ids = read.map(record -> record.id().toString()).toList();
                        }
                        if (ids.size() != ids.stream().distinct().count()) {
                            problems.add(person.handle() + " was served a record twice");
                        }
                        if (ids.size() < before) {
                            problems.add(person.handle() + " was served " + ids.size() + " records of " + before);
                        }
                        reads.incrementAndGet();
                    }
                    return null;
                }));
            }

            TestPostgres.get().administer(database, "SELECT citus_add_node('" + spareHost + "', " + sparePort + ")");
            // block_writes: Citus's default move, by logical replication, is refused for tables whose row-level security
            // is forced, as the vault's are (see CitusDistribution).
            TestPostgres.get().administer(database, "SELECT citus_rebalance_start(shard_transfer_mode => 'block_writes')");
            boolean moved = awaitRebalance(url, Instant.now().plus(PATIENCE));
            if (!moved) {
                TestPostgres.get().administer(database, "SELECT citus_rebalance_stop()");
            }
            moving.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
            load.shutdown();

            assertThat(moved).as("the rebalance finished within " + PATIENCE).isTrue();
            assertThat(shardsOn(url, sparePort)).as("shards moved to the new worker").isPositive();
            assertThat(problems).isEmpty();
            assertThat(reads.get()).as("reads while the shards moved").isPositive();
            assertThat(batches.get()).as("imports while the shards moved").isGreaterThan(PEOPLE);
            for (Person person : people) {
                try (var read = vault.records().read(person.id(), RecordQuery.all())) {
                    assertThat(read.count()).as(person.handle() + "'s records").isEqualTo(imported.get(person).get());
                }
                assertThat(vault.log().verify(person.id())).as(person.handle() + "'s log")
                        .isInstanceOf(LogVerification.Intact.class);
            }
        }
    }

    /** Imports a file of new points for the person, different from every other file of the test. */
    private static long importOnce(Vault vault, Person person, long file) {
        ImportBatch batch = vault.imports().write(person.id(),
                new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "file" + file + ".json"),
                LongStream.range(file * BATCH, (file + 1) * BATCH).mapToObj(SyntheticRecords::point));
        return batch.added();
    }

    /** Waits for the rebalance to finish, and says whether it did in time. */
    private static boolean awaitRebalance(String url, Instant deadline) throws SQLException, InterruptedException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rows = statement.executeQuery("SELECT state FROM citus_rebalance_status()")) {
                    if (rows.next() && rows.getString(1).equals("finished")) {
                        return true;
                    }
                }
                Thread.sleep(500);
            }
            return false;
        }
    }

    private static long shardsOn(String url, int port) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM citus_shards WHERE nodeport = " + port)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
