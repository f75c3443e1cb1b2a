package org.selfdata.vault;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Watches an SQLite vault for sessions ended by another process, such as {@code selfdata password} run while the
 * server serves: SQLite has no channel to hear it on, so the count of endings is read every
 * {@link SessionEndings#CHECK_EVERY}, outside any transaction, so that it never waits for a writer.
 */
final class EndingsPoller implements AutoCloseable {
    private final Database database;
    private final SessionEndings endings;
    private final ScheduledExecutorService thread;

    EndingsPoller(Database database, SessionEndings endings) {
        this.database = requireNonNull(database, "database is null");
        this.endings = requireNonNull(endings, "endings is null");
        check();
        this.thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("selfdata-session-endings").daemon().factory());
        long period = SessionEndings.CHECK_EVERY.toMillis();
        thread.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    private void check() {
        long startedAt = System.nanoTime();
        try (Connection connection = database.dataSource().getConnection()) {
            endings.check(connection, startedAt);
        }
        catch (SQLException | RuntimeException e) {
            endings.lost();
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
