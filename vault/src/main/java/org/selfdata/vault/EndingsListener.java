package org.selfdata.vault;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Listens, on a PostgreSQL connection of its own, for the sessions other servers sharing the vault end, and checks the
 * count of endings on it every {@link SessionEndings#CHECK_EVERY}. The check is also what shows that the connection
 * still works: a connection cut without a word (a firewall dropping it, a network partition) gives no error, only
 * silence, and a query that does not come back within {@link #ANSWER_WITHIN} ends it. When the connection is lost the
 * cache stops answering, and the listener connects again every {@link #RECONNECT_AFTER}.
 */
final class EndingsListener implements AutoCloseable {
    static final String APPLICATION_NAME = "selfdata-session-endings";
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(EndingsListener.class);

    private final Database database;
    private final SessionEndings endings;
    private final Thread thread;
    private volatile Optional<Connection> connection;
    private volatile String schema = "";
    private volatile boolean closed;

    EndingsListener(Database database, SessionEndings endings) {
        this.database = requireNonNull(database, "database is null");
        this.endings = requireNonNull(endings, "endings is null");
        this.connection = connectQuietly();
        this.thread = Thread.ofPlatform().name(APPLICATION_NAME).daemon().start(this::listen);
    }

    private void listen() {
        boolean reported = false;
        while (!closed) {
            try {
                Connection listening = connection.isPresent() ? connection.get() : connect();
                connection = Optional.of(listening);
                if (reported) {
                    LOG.info("listening again for sessions ended by other servers");
                    reported = false;
                }
                PGNotification[] heard = listening.unwrap(PGConnection.class)
                        .getNotifications(Math.toIntExact(SessionEndings.CHECK_EVERY.toMillis()));
                hear(heard);
                check(listening);
            }
            catch (SQLException | RuntimeException e) {
                endings.lost();
                connection.ifPresent(EndingsListener::closeQuietly);
                connection = Optional.empty();
                if (closed) {
                    return;
                }
                if (!reported) {
                    LOG.warn("lost the connection that hears of sessions ended by other servers; sessions are read from "
                            + "the database until it is back: {}", e.getMessage());
                    reported = true;
                }
                pause();
            }
        }
        connection.ifPresent(EndingsListener::closeQuietly);
    }

    private Optional<Connection> connectQuietly() {
        try {
            return Optional.of(connect());
        }
        catch (SQLException | RuntimeException e) {
            endings.lost();
            return Optional.empty();
        }
    }

    /** Connects, listens, then checks: an ending committed after the check began is heard, one before it is counted. */
    private Connection connect() throws SQLException {
        Connection opened = database.connectAlone(APPLICATION_NAME);
        try {
            opened.setNetworkTimeout(Runnable::run, Math.toIntExact(ANSWER_WITHIN.toMillis()));
            try (Statement statement = opened.createStatement()) {
                try (ResultSet result = statement.executeQuery("SELECT current_schema()")) {
                    result.next();
                    schema = result.getString(1);
                }
                statement.execute("LISTEN " + SessionEndings.CHANNEL);
            }
            check(opened);
            return opened;
        }
        catch (SQLException | RuntimeException e) {
            closeQuietly(opened);
            throw e;
        }
    }

    /** Hears what already came first, so that an ending in flight does not look missed and empty the cache. */
    private void check(Connection listening) throws SQLException {
        PGConnection postgres = listening.unwrap(PGConnection.class);
        hear(postgres.getNotifications());
        long startedAt = System.nanoTime();
        endings.check(listening, startedAt);
        hear(postgres.getNotifications());
    }

    /** Passes on the endings of this vault; those of a vault in another schema of the database are not its business. */
    private void hear(PGNotification[] heard) {
        if (heard != null) {
            String ours = schema + " ";
            for (PGNotification notification : heard) {
                if (notification.getParameter().startsWith(ours)) {
                    endings.heard(notification.getParameter().substring(ours.length()));
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_AFTER);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        connection.ifPresent(EndingsListener::closeQuietly);
        thread.interrupt();
        thread.join(ANSWER_WITHIN.toMillis());
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        }
        catch (SQLException e) {
            // A lost connection may not even close; it is dropped either way.
        }
    }
}
