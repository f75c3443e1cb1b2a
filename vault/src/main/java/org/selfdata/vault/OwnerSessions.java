package org.selfdata.vault;

import org.selfdata.model.PersonId;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

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
 */
public final class OwnerSessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;

    OwnerSessions(Database database, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
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

    public Optional<PersonId> find(String token) {
        long now = clock.millis();
        return database.transaction(connection -> database.dsl(connection)
                .select(PERSON_ID).from(OWNER_SESSIONS)
                .where(TOKEN_HASH.eq(hash(token)).and(EXPIRES_AT.gt(now)))
                .fetchOptional(row -> PersonId.of(row.value1())));
    }

    public void end(String token) {
        database.transaction(connection -> database.dsl(connection)
                .deleteFrom(OWNER_SESSIONS).where(TOKEN_HASH.eq(hash(token))).execute());
    }

    public void endAll(PersonId person) {
        database.transaction(connection -> database.dsl(connection)
                .deleteFrom(OWNER_SESSIONS).where(PERSON_ID.eq(person.value())).execute());
    }

    private static byte[] hash(String token) {
        return Imports.sha256().digest(token.getBytes(StandardCharsets.US_ASCII));
    }
}
