package org.selfdata.vault;

import org.selfdata.model.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * How every process sharing a vault learns that sessions ended, so that each may keep the sessions it found in its
 * {@link SessionCache} and still refuse an ended one.
 *
 * <p>Every ending (a sign-out, every session of a person after a new password or an erasure) counts one more in the
 * vault's {@code sessions_ended} counter, in the transaction that deletes the sessions; on PostgreSQL the same
 * transaction also sends the ending, with its number, on the {@value #CHANNEL} channel, which PostgreSQL delivers to
 * every listener once, and only if, the transaction commits. Channels belong to the database, not to its schemas, so
 * the ending names the vault's schema too, and a vault in another schema of the same database pays it no heed. The
 * process that ended the sessions evicts them at once.
 *
 * <p>Each process checks the counter every {@link #CHECK_EVERY}: on PostgreSQL on a connection of its own that also
 * listens on the channel, on SQLite (where another process may be the command line) on one of the pool's. If the
 * counter went past the last ending it heard of, it missed some, and empties its cache. A check that began at a given
 * instant accounts for every ending committed before it, so the cache is trusted only for {@link #TRUSTED_FOR} after
 * the last check began: when the listening connection is lost, or the checks stall, sessions are read from the
 * database again until a check succeeds. On PostgreSQL another server's ending is usually heard within milliseconds;
 * on SQLite, where there is no channel, another process's ending is seen at the next check.
 */
final class SessionEndings implements AutoCloseable {
    static final String CHANNEL = "selfdata_sessions";
    static final Duration CHECK_EVERY = Duration.ofMillis(250);
    static final Duration TRUSTED_FOR = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(SessionEndings.class);
    private static final String COUNTER = "sessions_ended";
    private static final String COUNT_ONE_MORE = "INSERT INTO vault_meta (name, value) VALUES ('" + COUNTER + "', '1') "
            + "ON CONFLICT (name) DO UPDATE SET value = CAST(CAST(vault_meta.value AS BIGINT) + 1 AS TEXT) RETURNING value";
    private static final String READ_COUNTER = "SELECT value FROM vault_meta WHERE name = '" + COUNTER + "'";
    private static final long NOT_CHECKED = Long.MIN_VALUE;
    private static final long UNKNOWN = -1;

    /** Sessions that ended: one, by the SHA-256 of its token in hex, or all of a person's. */
    sealed interface Ending permits OneSession, EverySession {
        String describe();
    }

    record OneSession(String key) implements Ending {
        public OneSession {
            requireNonNull(key, "key is null");
        }

        @Override
        public String describe() {
            return "session " + key;
        }
    }

    record EverySession(PersonId person) implements Ending {
        public EverySession {
            requireNonNull(person, "person is null");
        }

        @Override
        public String describe() {
            return "person " + person.value();
        }
    }

    private final Database database;
    private final SessionCache cache;
    private final Object lock = new Object();
    private final Object starting = new Object();
    private volatile long checkedAtNanos = NOT_CHECKED;
    private volatile boolean watching;
    private long lastHeard = UNKNOWN;
    private Optional<AutoCloseable> watch = Optional.empty();
    private boolean closed;

    SessionEndings(Database database, SessionCache cache) {
        this.database = requireNonNull(database, "database is null");
        this.cache = requireNonNull(cache, "cache is null");
    }

    /**
     * Counts the ending inside the caller's transaction, and on PostgreSQL sends it to every listener on commit.
     *
     * @return the ending's number, to give {@link #ended} once the transaction has committed
     */
    long announce(Connection connection, Ending ending) throws SQLException {
        long number;
        try (PreparedStatement count = connection.prepareStatement(COUNT_ONE_MORE); ResultSet result = count.executeQuery()) {
            result.next();
            number = Long.parseLong(result.getString(1));
        }
        if (database.isPostgres()) {
            try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, current_schema() || ' ' || ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, number + " " + ending.describe());
                notify.execute();
            }
        }
        return number;
    }

    /** Forgets the ended sessions here, once the transaction that ended them committed; with its number if counted. */
    void ended(OptionalLong number, Ending ending) {
        synchronized (lock) {
            switch (ending) {
                case OneSession one -> cache.evict(one.key());
                case EverySession every -> cache.evictPerson(every.person());
            }
            if (number.isEmpty() || lastHeard == UNKNOWN) {
                return;
            }
            if (number.getAsLong() > lastHeard + 1) {
                cache.clear();
            }
            lastHeard = Math.max(lastHeard, number.getAsLong());
        }
    }

    /**
     * An ending another process sent on the channel, its schema taken off: {@code "<number> session <key>"} or
     * {@code "<number> person <id>"}.
     */
    void heard(String payload) {
        String[] parts = payload.split(" ");
        try {
            if (parts.length == 3 && parts[1].equals("session")) {
                ended(OptionalLong.of(Long.parseLong(parts[0])), new OneSession(parts[2]));
                return;
            }
            if (parts.length == 3 && parts[1].equals("person")) {
                ended(OptionalLong.of(Long.parseLong(parts[0])), new EverySession(PersonId.of(Long.parseLong(parts[2]))));
                return;
            }
        }
        catch (RuntimeException malformed) {
            // Treated below as an ending that cannot be told apart from others.
        }
        synchronized (lock) {
            cache.clear();
        }
    }

    /**
     * Whether the cache may answer now: the last check began less than {@link #TRUSTED_FOR} ago. The first call
     * starts watching for endings, and makes the first check before it answers.
     */
    boolean isTrusted() {
        if (!watching) {
            startWatching();
        }
        long checkedAt = checkedAtNanos;
        return checkedAt != NOT_CHECKED && System.nanoTime() - checkedAt <= TRUSTED_FOR.toNanos();
    }

    /** Reads the counter on this connection, and empties the cache if endings were missed; the check began at startedAt. */
    void check(Connection connection, long startedAtNanos) throws SQLException {
        long counter;
        try (PreparedStatement read = connection.prepareStatement(READ_COUNTER); ResultSet result = read.executeQuery()) {
            counter = result.next() ? Long.parseLong(result.getString(1)) : 0;
        }
        synchronized (lock) {
            if (counter != lastHeard) {
                if (counter < lastHeard) {
                    LOG.warn("the vault's count of ended sessions went back from {} to {}; sessions are read again",
                            lastHeard, counter);
                }
                cache.clear();
                lastHeard = counter;
            }
            checkedAtNanos = startedAtNanos;
        }
    }

    /** The watch cannot check any more: until it can, every session is read from the database. */
    void lost() {
        checkedAtNanos = NOT_CHECKED;
    }

    private void startWatching() {
        synchronized (starting) {
            if (watching || closed) {
                return;
            }
            watch = Optional.of(database.isPostgres() ? new EndingsListener(database, this) : new EndingsPoller(database, this));
            watching = true;
        }
    }

    @Override
    public void close() {
        synchronized (starting) {
            closed = true;
            watch.ifPresent(SessionEndings::closeQuietly);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        }
        catch (Exception e) {
            // Closing with the vault; nothing is left to watch for.
        }
    }
}
