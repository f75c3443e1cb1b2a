package org.selfdata.vault;

import org.jooq.DSLContext;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.AUDITOR_ID;
import static org.selfdata.vault.VaultTables.AUDITOR_NAME;
import static org.selfdata.vault.VaultTables.CREATED_AT;
import static org.selfdata.vault.VaultTables.EXPIRES_AT;
import static org.selfdata.vault.VaultTables.LAST_USED_AT;
import static org.selfdata.vault.VaultTables.LOG_AUDITORS;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.TOKEN_HASH;

/**
 * The auditors a person names for their log: a supervisory authority, a lawyer, an association. Each gets a bearer
 * token that reads the signed heads of that person's log and the proofs between them, and nothing else: no entry, no
 * record, no other person's log. So an auditor can check, over months, that the log only ever grew (consistency
 * proofs between the heads it kept) and that an entry the person shows them is in it (an inclusion proof), without
 * learning what the person did.
 *
 * <p>As for every credential, only the token's SHA-256 is kept. A token lives for a period the person chooses, at most
 * a year, and the person can end it at any time; the person sees when each auditor last used theirs.
 */
public final class LogAuditors {
    public static final Duration LONGEST = Duration.ofDays(366);
    public static final int LONGEST_NAME = 100;
    /** Using a token is noted at most this often, so that an auditor's reads do not each cost a write. */
    private static final Duration USE_NOTED_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;

    LogAuditors(Database database, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** An auditor as the person sees it: never its token. */
    public record Auditor(String id, String name, Instant createdAt, Instant expiresAt, Optional<Instant> lastUsedAt) {
        public Auditor {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
            requireNonNull(createdAt, "createdAt is null");
            requireNonNull(expiresAt, "expiresAt is null");
            requireNonNull(lastUsedAt, "lastUsedAt is null");
        }
    }

    /** A newly named auditor and its token, which is shown this once. */
    public record Named(Auditor auditor, String token) {
        public Named {
            requireNonNull(auditor, "auditor is null");
            requireNonNull(token, "token is null");
        }
    }

    /** Whose log a live token opens, and which auditor holds it. */
    public record Audit(PersonId person, String auditorId) {
        public Audit {
            requireNonNull(person, "person is null");
            requireNonNull(auditorId, "auditorId is null");
        }
    }

    public Named name(PersonId person, String name, Duration lifetime) {
        requireNonNull(person, "person is null");
        String trimmed = requireNonNull(name, "name is null").strip();
        if (trimmed.isEmpty() || trimmed.length() > LONGEST_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.vault.auditorName", Integer.toString(LONGEST_NAME)));
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(LONGEST) > 0) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.vault.auditorLifetime", Long.toString(LONGEST.toDays())));
        }
        String token = random(32, true);
        String id = "auditor-" + random(8, false);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant expires = now.plus(lifetime);
        database.transaction(connection -> database.dsl(connection).insertInto(LOG_AUDITORS)
                .set(TOKEN_HASH, hash(token))
                .set(AUDITOR_ID, id)
                .set(PERSON_ID, person.value())
                .set(AUDITOR_NAME, trimmed)
                .set(CREATED_AT, now.toEpochMilli())
                .set(EXPIRES_AT, expires.toEpochMilli())
                .execute());
        return new Named(new Auditor(id, trimmed, now, expires, Optional.empty()), token);
    }

    /** The person's auditors, the newest first, those whose token expired included until the person ends them. */
    public List<Auditor> list(PersonId person) {
        requireNonNull(person, "person is null");
        return database.read(connection -> database.dsl(connection)
                .select(AUDITOR_ID, AUDITOR_NAME, CREATED_AT, EXPIRES_AT, LAST_USED_AT).from(LOG_AUDITORS)
                .where(PERSON_ID.eq(person.value()))
                .orderBy(CREATED_AT.desc(), AUDITOR_ID)
                .fetch(row -> new Auditor(row.value1(), row.value2(), Instant.ofEpochMilli(row.value3()),
                        Instant.ofEpochMilli(row.value4()), Optional.ofNullable(row.value5()).map(Instant::ofEpochMilli))));
    }

    /** Ends an auditor's token; another person's auditor is as unknown as one that never was. */
    public void end(PersonId person, String auditorId) {
        requireNonNull(person, "person is null");
        int ended = database.transaction(connection -> database.dsl(connection).deleteFrom(LOG_AUDITORS)
                .where(PERSON_ID.eq(person.value()).and(AUDITOR_ID.eq(auditorId))).execute());
        if (ended == 0) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.vault.noAuditor"));
        }
    }

    /** The log a live token opens, noting that it was used. */
    public Optional<Audit> find(String token) {
        requireNonNull(token, "token is null");
        long now = clock.millis();
        return database.transaction(connection -> {
            DSLContext dsl = database.dsl(connection);
            var found = dsl.select(PERSON_ID, AUDITOR_ID, LAST_USED_AT).from(LOG_AUDITORS)
                    .where(TOKEN_HASH.eq(hash(token)).and(EXPIRES_AT.gt(now))).fetchOptional();
            found.filter(row -> row.value3() == null || row.value3() <= now - USE_NOTED_EVERY.toMillis())
                    .ifPresent(row -> dsl.update(LOG_AUDITORS).set(LAST_USED_AT, now)
                            .where(TOKEN_HASH.eq(hash(token))).execute());
            return found.map(row -> new Audit(PersonId.of(row.value1()), row.value2()));
        });
    }

    private static String random(int bytes, boolean base64) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return base64 ? Base64.getUrlEncoder().withoutPadding().encodeToString(secret) : HexFormat.of().formatHex(secret);
    }

    private static byte[] hash(String token) {
        return Imports.sha256().digest(token.getBytes(StandardCharsets.UTF_8));
    }
}
