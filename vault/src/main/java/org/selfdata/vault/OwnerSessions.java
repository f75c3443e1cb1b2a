package org.selfdata.vault;

import org.selfdata.model.PersonId;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.CREATED_AT;
import static org.selfdata.vault.VaultTables.EXPIRES_AT;
import static org.selfdata.vault.VaultTables.OWNER_SESSIONS;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.TOKEN_HASH;

/**
 * Signed-in sessions of people using their own vault. The token goes to the browser; only its SHA-256 is stored,
 * so the database alone cannot be used to sign in as anyone. Sessions are in the vault rather than in memory so
 * that a restart does not sign everyone out and several servers can share one PostgreSQL vault.
 *
 * <p>Every signed-in request asks for its session, so the sessions found are kept in a {@link SessionCache}, under
 * the same SHA-256, and a request whose session is kept does not reach the database. An ended session is refused at
 * once by the process that ended it, and by every other process sharing the vault as soon as it learns of the ending
 * ({@link SessionEndings}); a kept session is never used after it expires.
 */
public final class OwnerSessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;
    private final SessionCache cache;
    private final SessionEndings endings;

    OwnerSessions(Database database, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.cache = new SessionCache(SessionCache.CAPACITY);
        this.endings = new SessionEndings(database, cache);
    }

    /** Starts a session and returns its token, 256 random bits in URL-safe Base64. */
    public String start(PersonId person, Duration lifetime) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long now = clock.millis();
        database.transaction(connection -> {
            var dsl = database.dsl(connection);
            dsl.deleteFrom(OWNER_SESSIONS).where(EXPIRES_AT.le(now)).execute();
            return dsl.insertInto(OWNER_SESSIONS)
                    .set(TOKEN_HASH, hash(token))
                    .set(PERSON_ID, person.value())
                    .set(CREATED_AT, now)
                    .set(EXPIRES_AT, now + lifetime.toMillis())
                    .execute();
        });
        return token;
    }

    /** The person whose live session this is, from the cache when it may answer, else from the database. */
    public Optional<PersonId> find(String token) {
        String key = key(token);
        long now = clock.millis();
        boolean trusted = endings.isTrusted();
        if (trusted) {
            Optional<PersonId> kept = cache.find(key, now);
            if (kept.isPresent()) {
                return kept;
            }
        }
        long generation = cache.generation();
        long readAt = System.nanoTime();
        Optional<SessionCache.Entry> found = database.read(connection -> database.dsl(connection)
                .select(PERSON_ID, EXPIRES_AT).from(OWNER_SESSIONS)
                .where(TOKEN_HASH.eq(HexFormat.of().parseHex(key)).and(EXPIRES_AT.gt(now)))
                .fetchOptional(row -> new SessionCache.Entry(PersonId.of(row.value1()), row.value2(), readAt)));
        if (trusted) {
            found.ifPresent(entry -> cache.put(key, entry, generation, now));
        }
        return found.map(SessionCache.Entry::person);
    }

    /** Ends one session, here at once and on every other process sharing the vault. */
    public void end(String token) {
        SessionEndings.Ending ending = new SessionEndings.OneSession(key(token));
        OptionalLong number = database.transaction(connection -> {
            int ended = database.dsl(connection).deleteFrom(OWNER_SESSIONS).where(TOKEN_HASH.eq(hash(token))).execute();
            return ended == 0 ? OptionalLong.empty() : OptionalLong.of(endings.announce(connection, ending));
        });
        endings.ended(number, ending);
    }

    /** Ends every session of the person, as a new password does: here at once and on every other process. */
    public void endAll(PersonId person) {
        OptionalLong number = database.transaction(connection -> endAll(connection, person));
        ended(number, person);
    }

    /** Ends every session of the person in a transaction of the caller's; give the result to {@link #ended} once it commits. */
    OptionalLong endAll(Connection connection, PersonId person) throws SQLException {
        int ended = database.dsl(connection).deleteFrom(OWNER_SESSIONS).where(PERSON_ID.eq(person.value())).execute();
        return ended == 0 ? OptionalLong.empty()
                : OptionalLong.of(endings.announce(connection, new SessionEndings.EverySession(person)));
    }

    /** Forgets here the sessions of the person that a committed transaction ended. */
    void ended(OptionalLong number, PersonId person) {
        endings.ended(number, new SessionEndings.EverySession(person));
    }

    /** Stops watching for sessions ended elsewhere; the vault does this when it closes. */
    void close() {
        endings.close();
    }

    private static String key(String token) {
        return HexFormat.of().formatHex(hash(token));
    }

    private static byte[] hash(String token) {
        return Imports.sha256().digest(token.getBytes(StandardCharsets.US_ASCII));
    }
}
