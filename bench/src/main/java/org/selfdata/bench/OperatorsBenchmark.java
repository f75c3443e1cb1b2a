package org.selfdata.bench;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * What an operator hosting many people sees, on plain PostgreSQL and on a Citus cluster side by side: everyone's
 * imports at once, each a whole transaction with its log entry as in the server, then the page of 100 records a
 * person's browser asks first, read through the gate and logged, for people taken at random; on Citus, also how long
 * moving one shard group to another worker takes while nothing else runs.
 *
 * <p>On one machine Citus cannot be faster: every statement goes from the coordinator to a worker on the same cores.
 * What the figures show is that overhead, as a ratio; the README says how they extend to more machines.
 */
final class OperatorsBenchmark {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final int PAGE = 100;

    private final OperatorsBenchSettings settings;
    private final Consumer<String> progress;

    OperatorsBenchmark(OperatorsBenchSettings settings, Consumer<String> progress) {
        this.settings = requireNonNull(settings, "settings is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    /** What one database came to. */
    private record Figures(double recordsPerSecond, LoadGenerator.Load reads, Optional<ShardMove> move) {}

    /** One shard group moved: how long it took, and what it held. */
    private record ShardMove(double milliseconds, String detail) {}

    List<Measurement> run() {
        List<RecordDraft> points = SyntheticPoints.make(settings.records());
        Figures postgres = measure("PostgreSQL", settings.postgres(), points);
        List<Measurement> measurements = new ArrayList<>();
        String writes = "records imported, %,d people at once".formatted(settings.people());
        String reads = "a person's page of 100";
        measurements.add(Measurement.of(writes + ", PostgreSQL", postgres.recordsPerSecond(), "records/s"));
        measurements.add(Measurement.of(reads + ", PostgreSQL", postgres.reads().perSecond(), "reads/s")
                .withDetail(postgres.reads().detail(50, 95, 99)));
        settings.citus().ifPresent(database -> {
            Figures citus = measure("Citus", database, points);
            measurements.add(Measurement.beside(writes + ", Citus", citus.recordsPerSecond(), "records/s",
                    "PostgreSQL", postgres.recordsPerSecond()));
            measurements.add(Measurement.beside(reads + ", Citus", citus.reads().perSecond(), "reads/s", "PostgreSQL",
                    postgres.reads().perSecond()).withDetail(citus.reads().detail(50, 95, 99)));
            citus.move().ifPresent(move -> measurements.add(Measurement.of("one shard group moved, Citus",
                    move.milliseconds(), "ms").withDetail(move.detail())));
        });
        return measurements;
    }

    private Figures measure(String engine, VaultLocation.PostgresDatabase database, List<RecordDraft> points) {
        VaultLocation location = VaultLocation.postgres(settings.scratch().resolve(engine.toLowerCase(Locale.ROOT)),
                database);
        try (Vault vault = Vault.create(location, KeySource.keyFile(location.folder().resolve(VaultLocation.KEY_FILE)))) {
            progress.accept(engine + ": adding " + settings.people() + " people");
            List<Person> people = IntStream.range(0, settings.people())
                    .mapToObj(index -> vault.people().create("person-%06d".formatted(index), ZONE)).toList();
            progress.accept(engine + ": importing " + settings.records() + " points for each, " + settings.workers()
                    + " at once");
            double recordsPerSecond = importAll(vault, people, points);
            progress.accept(engine + ": " + Math.round(recordsPerSecond) + " records/s; reading pages of 100");
            Gate gate = Gate.over(vault);
            LoadGenerator.Load reads = new LoadGenerator(settings.workers(), settings.warmup(), settings.measured())
                    .run(worker -> readPage(gate, people.get(ThreadLocalRandom.current().nextInt(people.size()))));
            return new Figures(recordsPerSecond, reads, shardMove(engine, database));
        }
    }

    /** Every person's import, {@code workers} at a time; the time from the first to the last. */
    private double importAll(Vault vault, List<Person> people, List<RecordDraft> points) {
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService imports = Executors.newFixedThreadPool(settings.workers())) {
            List<Future<?>> futures = new ArrayList<>();
            for (Person person : people) {
                futures.add(imports.submit(() -> {
                    vault.imports().write(person.id(), new ImportRequest(SyntheticPoints.SOURCE, "benchmark",
                            "points.json"), points.stream());
                    int count = done.incrementAndGet();
                    if (count % Math.max(1, people.size() / 10) == 0) {
                        progress.accept("… " + count + " of " + people.size() + " imported");
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SelfdataException(ErrorCode.INTERNAL, "the imports were interrupted", e);
        }
        catch (ExecutionException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "an import failed: " + e.getCause(), e.getCause());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return (double) people.size() * points.size() / seconds;
    }

    /** A person's first page, as the owner's browser asks it: 200 when it held a whole page, 500 otherwise. */
    private static int readPage(Gate gate, Person person) {
        try (Stream<StoredRecord> page = gate.records(Accessor.owner(person.id()),
                RecordQuery.ofType(RecordType.GEO_POINT).limit(PAGE))) {
            return page.count() == PAGE ? 200 : 500;
        }
    }

    /**
     * On a Citus coordinator whose records are distributed, moves the shard of the records holding the first person,
     * with the shards co-located with it, to another worker, writes blocked meanwhile; nothing on plain PostgreSQL.
     */
    private Optional<ShardMove> shardMove(String engine, VaultLocation.PostgresDatabase database) {
        Properties credentials = new Properties();
        database.user().ifPresent(user -> credentials.setProperty("user", user));
        database.password().ifPresent(password -> credentials.setProperty("password", password));
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), credentials)) {
            if (!distributed(connection)) {
                return Optional.empty();
            }
            try (PreparedStatement shard = connection.prepareStatement("""
                    SELECT s.shardid, n.nodename, n.nodeport,
                           (SELECT count(*) FROM pg_dist_shard o WHERE o.logicalrelid = 'records'::regclass) AS shards
                    FROM pg_dist_shard s
                    JOIN pg_dist_placement p ON p.shardid = s.shardid
                    JOIN pg_dist_node n ON n.groupid = p.groupid
                    WHERE s.logicalrelid = 'records'::regclass
                      AND s.shardid = get_shard_id_for_distribution_column('records', (SELECT min(person_id) FROM persons))""");
                 ResultSet found = shard.executeQuery()) {
                if (!found.next()) {
                    return Optional.empty();
                }
                long shardId = found.getLong(1);
                String from = found.getString(2);
                int fromPort = found.getInt(3);
                long shards = found.getLong(4);
                Optional<String[]> to = otherWorker(connection, from, fromPort);
                if (to.isEmpty()) {
                    return Optional.empty();
                }
                progress.accept(engine + ": moving shard " + shardId + " to " + to.get()[0] + ":" + to.get()[1]);
                long started = System.nanoTime();
                try (PreparedStatement move = connection.prepareStatement(
                        "SELECT citus_move_shard_placement(?, ?, ?, ?, ?, shard_transfer_mode => 'block_writes')")) {
                    move.setLong(1, shardId);
                    move.setString(2, from);
                    move.setInt(3, fromPort);
                    move.setString(4, to.get()[0]);
                    move.setInt(5, Integer.parseInt(to.get()[1]));
                    move.execute();
                }
                double milliseconds = (System.nanoTime() - started) / 1e6;
                return Optional.of(new ShardMove(milliseconds, String.format(Locale.ROOT,
                        "one of %d shards of the records, with its co-located shards, about %,d people of %,d", shards,
                        Math.round((double) settings.people() / shards), settings.people())));
            }
        }
        catch (SQLException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, engine + ": the shard could not be moved: " + e.getMessage(), e);
        }
    }

    private static boolean distributed(Connection connection) throws SQLException {
        try (PreparedStatement check = connection.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')
                   AND EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'records'::regclass)""");
             ResultSet result = check.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
        catch (SQLException e) {
            // pg_dist_partition does not exist on plain PostgreSQL.
            return false;
        }
    }

    private static Optional<String[]> otherWorker(Connection connection, String host, int port) throws SQLException {
        try (PreparedStatement workers = connection.prepareStatement("""
                SELECT nodename, nodeport FROM pg_dist_node
                WHERE noderole = 'primary' AND isactive AND shouldhaveshards AND groupid <> 0
                  AND NOT (nodename = ? AND nodeport = ?)
                ORDER BY nodeid LIMIT 1""")) {
            workers.setString(1, host);
            workers.setInt(2, port);
            try (ResultSet found = workers.executeQuery()) {
                return found.next() ? Optional.of(new String[] {found.getString(1), Integer.toString(found.getInt(2))})
                        : Optional.empty();
            }
        }
    }

}
