package org.selfdata.bench;

import org.selfdata.model.GrantId;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntry;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.LogEntryJson;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.LogVerification;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * {@code selfdata bench log}: appends to the transparency log, one per transaction and in batches, and the
 * verification of the whole log, each beside plain JDBC doing the same rows' work: inserting them, and reading them
 * back with a SHA-256 of each. What differs is what the log adds: canonical JSON, the Merkle tree, a signed head per
 * transaction, and the checks. Single appends from concurrent threads, as a server's requests make them, are measured
 * gathered into batches beside each in a transaction of its own.
 */
final class LogBenchmark {
    private static final int BATCH = 10_000;
    /** Requests served at once: the concurrent appends' threads. */
    private static final int THREADS = 16;
    private static final String INSERT = "INSERT INTO log_entries (person_id, entry_index, recorded_at, action, recipient_id, "
            + "grant_id, leaf, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final Path scratch;
    private final Consumer<String> progress;

    LogBenchmark(Path scratch, Consumer<String> progress) {
        this.scratch = scratch;
        this.progress = progress;
    }

    List<Measurement> run(int entries, int single) {
        VaultLocation location = VaultLocation.sqlite(scratch.resolve("log"));
        try (Vault vault = Vault.create(location, KeySource.keyFile(location.folder().resolve("master.key")))) {
            PersonId logged = vault.people().create("logged", ZoneId.of("Europe/Paris")).id();
            PersonId raw = vault.people().create("raw", ZoneId.of("Europe/Paris")).id();
            List<Measurement> measurements = new ArrayList<>();
            try (Connection connection = RawTable.connect(location)) {
                progress.accept("log: " + single + " single appends");
                long rawSingle = rawInserts(connection, raw, single, 1);
                long start = System.nanoTime();
                for (int index = 0; index < single; index++) {
                    vault.log().append(logged, draft(index));
                }
                long loggedSingle = System.nanoTime() - start;
                measurements.add(Measurement.beside("log: appends, one per transaction", perSecond(single, loggedSingle),
                        "entries/s", "raw insert, one per transaction", perSecond(single, rawSingle)));

                progress.accept("log: " + single + " single appends from " + THREADS + " threads, each alone");
                long alone = concurrently(single, draft -> vault.log().appendAlone(logged, List.of(draft)));
                progress.accept("log: " + single + " single appends from " + THREADS + " threads, gathered");
                long headsBefore = vault.log().headsKept(logged);
                long gathered = concurrently(single, draft -> vault.log().append(logged, draft));
                progress.accept("log: " + single + " gathered appends signed " + (vault.log().headsKept(logged) - headsBefore)
                        + " heads");
                measurements.add(Measurement.beside("log: " + THREADS + " threads appending, gathered",
                        perSecond(single, gathered), "entries/s", "each in its own transaction", perSecond(single, alone)));

                progress.accept("log: " + entries + " appends in batches of " + BATCH);
                long rawBatched = rawInserts(connection, raw, entries, BATCH);
                long batched = 0;
                for (int first = 0; first < entries; first += BATCH) {
                    List<LogEntryDraft> drafts = new ArrayList<>(BATCH);
                    for (int index = first; index < Math.min(entries, first + BATCH); index++) {
                        drafts.add(draft(index));
                    }
                    long started = System.nanoTime();
                    vault.log().appendAll(logged, drafts);
                    batched += System.nanoTime() - started;
                }
                measurements.add(Measurement.beside("log: appends, " + BATCH + " per transaction",
                        perSecond(entries, batched), "entries/s", "raw insert, same batches", perSecond(entries, rawBatched)));

                RawTable.settle(connection);
                progress.accept("log: verify " + (entries + 3 * single) + " entries");
                long rawRead = rawReadAndHash(connection, raw);
                start = System.nanoTime();
                LogVerification verification = vault.log().verify(logged);
                long verify = System.nanoTime() - start;
                if (!verification.intact()) {
                    throw new SelfdataException(ErrorCode.INTERNAL, "the benchmark's log does not verify: "
                            + verification.describe());
                }
                measurements.add(new Measurement("log: verify " + String.format("%,d", entries + 3 * single) + " entries",
                        verify / 1e6, "ms", Optional.of(new Measurement.Baseline("raw read + SHA-256", rawRead / 1e6)), false));
            }
            catch (SQLException e) {
                throw new SelfdataException(ErrorCode.INTERNAL, "the log benchmark's raw JDBC failed: " + e.getMessage(), e);
            }
            return measurements;
        }
    }

    /**
     * Appends {@code count} entries from {@link #THREADS} virtual threads at once, as concurrent requests would, each
     * thread its share one after the other; returns the nanoseconds until the last was durable.
     */
    private static long concurrently(int count, Consumer<LogEntryDraft> append) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> threads = new ArrayList<>(THREADS);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int thread = 0; thread < THREADS; thread++) {
                int first = thread;
                threads.add(executor.submit(() -> {
                    start.await();
                    for (int index = first; index < count; index += THREADS) {
                        append.accept(draft(index));
                    }
                    return null;
                }));
            }
            long started = System.nanoTime();
            start.countDown();
            for (Future<?> thread : threads) {
                thread.get();
            }
            return System.nanoTime() - started;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SelfdataException(ErrorCode.INTERNAL, "the log benchmark was interrupted", e);
        }
        catch (ExecutionException e) {
            throw e.getCause() instanceof SelfdataException failure ? failure
                    : new SelfdataException(ErrorCode.INTERNAL, "a concurrent append failed: " + e.getCause(), e.getCause());
        }
    }

    private static LogEntryDraft draft(int index) {
        return LogEntryDraft.of(new LogActor.Recipient(RecipientId.of("recipient-" + (index % 7 + 10))), LogAction.READ,
                Set.of(RecordType.GEO_VISIT, RecordType.GEO_TRIP), 100 + index % 50)
                .withSpan(TimeSpan.between(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-04-01T00:00:00Z")))
                .withPrecision("location region, time day")
                .withGrant(GrantId.of("grant-" + (index % 7 + 1000)))
                .withPurpose("dpv:ServiceProvision");
    }

    /** The same rows, leaves and hashes computed beforehand, inserted with plain JDBC; returns the nanoseconds taken. */
    private static long rawInserts(Connection connection, PersonId person, int count, int perTransaction)
            throws SQLException {
        List<byte[]> leaves = new ArrayList<>(count);
        List<byte[]> hashes = new ArrayList<>(count);
        MessageDigest sha256 = sha256();
        long offset = nextIndex(connection, person);
        for (int index = 0; index < count; index++) {
            byte[] leaf = LogEntryJson.bytes(new LogEntry(offset + index, Instant.now(), draft(index)));
            leaves.add(leaf);
            sha256.update((byte) 0);
            hashes.add(sha256.digest(leaf));
        }
        connection.setAutoCommit(false);
        long started = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int index = 0; index < count; index++) {
                insert.setLong(1, person.value());
                insert.setLong(2, offset + index);
                insert.setLong(3, 0);
                insert.setString(4, "read");
                insert.setString(5, "recipient-" + (index % 7 + 10));
                insert.setString(6, "grant-" + (index % 7 + 1000));
                insert.setBytes(7, leaves.get(index));
                insert.setBytes(8, hashes.get(index));
                insert.addBatch();
                if ((index + 1) % perTransaction == 0 || index == count - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
        long took = System.nanoTime() - started;
        connection.setAutoCommit(true);
        return took;
    }

    private static long nextIndex(Connection connection, PersonId person) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT coalesce(max(entry_index) + 1, 0) FROM log_entries WHERE person_id = ?")) {
            select.setLong(1, person.value());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long rawReadAndHash(Connection connection, PersonId person) throws SQLException {
        MessageDigest sha256 = sha256();
        long started = System.nanoTime();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT entry_index, leaf, leaf_hash FROM log_entries WHERE person_id = ? ORDER BY entry_index")) {
            select.setLong(1, person.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    rows.getLong(1);
                    sha256.update((byte) 0);
                    sha256.digest(rows.getBytes(2));
                    rows.getBytes(3);
                }
            }
        }
        return System.nanoTime() - started;
    }

    private static double perSecond(long count, long nanoseconds) {
        return count / (nanoseconds / 1e9);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "this Java runtime has no SHA-256", e);
        }
    }
}
