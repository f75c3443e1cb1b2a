package org.selfdata.vault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Folds an SQLite vault's write-ahead log back into its database file, on a thread of its own.
 *
 * <p>SQLite normally does this in the connection that commits, so the end of a large import would wait while hundreds
 * of megabytes are copied, and so would the first small write after a reader held the log. selfdata's connections
 * never checkpoint; this does, every second once the log has grown and no transaction is under way (copying pages
 * that an import is about to change again would be work for nothing): passively, then truncating the log once
 * everything in it has been copied. A kill at any point leaves a consistent vault: SQLite
 * recovers from the log on the next open.
 */
final class Checkpoints implements AutoCloseable {
    private static final long GROWN_BYTES = 16L * 1024 * 1024;

    private final Database database;
    private final Path log;
    private final ScheduledExecutorService thread;

    Checkpoints(Database database, Path databaseFile) {
        this.database = requireNonNull(database, "database is null");
        this.log = databaseFile.resolveSibling(databaseFile.getFileName() + "-wal");
        this.thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("selfdata-checkpoints").daemon().factory());
        thread.scheduleWithFixedDelay(this::checkpointIfGrown, 1, 1, TimeUnit.SECONDS);
    }

    private void checkpointIfGrown() {
        try {
            if (Files.size(log) < GROWN_BYTES || database.openTransactions() > 0) {
                return;
            }
            if (checkpoint("PASSIVE")) {
                checkpoint("TRUNCATE");
            }
        }
        catch (Exception e) {
            // A busy vault or a log that is not there yet: the next round will try again.
        }
    }

    /** Runs one checkpoint; true when the whole log was copied into the database. */
    private boolean checkpoint(String mode) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return result.next() && result.getInt(1) == 0 && result.getInt(2) == result.getInt(3);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
            checkpoint("TRUNCATE");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (SQLException e) {
            // Left for the next open: SQLite folds the log in then.
        }
    }
}
