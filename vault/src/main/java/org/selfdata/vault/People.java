package org.selfdata.vault;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.CREATED_AT;
import static org.selfdata.vault.VaultTables.HANDLE;
import static org.selfdata.vault.VaultTables.PASSWORD_HASH;
import static org.selfdata.vault.VaultTables.PERSONS;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.ROLE;
import static org.selfdata.vault.VaultTables.TIME_ZONE;

/**
 * The people a vault holds data for, their roles, and their sign-in passwords (Argon2id hashes, never the passwords).
 *
 * <p>The first person created in a vault is its operator: on a personal vault, its only person; on a vault hosting
 * many, the one who admits the others and the recipients they may grant. Everyone created after is a member.
 */
public final class People {
    /**
     * Verified against when a handle is unknown, so that a wrong handle takes as long to refuse as a wrong password. It
     * is the hash of 32 random bytes nobody kept, with the cost of {@link Argon2#PASSWORD}: written out here rather than
     * computed, because computing it would cost every start of selfdata a quarter of a second.
     */
    private static final String DECOY_HASH =
            "$argon2id$v=19$m=19456,t=2,p=1$uj43JTLAtQKKOZM5RH2lgg$gkq7ygUEvRrq45WlhOgbG+aNG9kfVBA4tQn60xXdcac";

    private static final String GET = "SELECT person_id, handle, time_zone, created_at, role FROM persons WHERE person_id = ?";

    private final Database database;
    private final Clock clock;

    People(Database database, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Adds a person, without a password yet: the vault's operator if it has none, a member otherwise. */
    public Person create(String handle, ZoneId zone) {
        return create(handle, zone, Optional.empty());
    }

    /**
     * Adds a person with their sign-in password, in one transaction: a password refused adds nobody. The person is the
     * vault's operator if it has none, a member otherwise.
     */
    public Person create(String handle, ZoneId zone, char[] password) {
        Person.requireHandle(handle);
        return create(handle, zone, Optional.of(PasswordHash.hash(requireNonNull(password, "password is null"))));
    }

    private Person create(String handle, ZoneId zone, Optional<String> passwordHash) {
        Person.requireHandle(handle);
        requireNonNull(zone, "zone is null");
        Instant now = clock.instant();
        return database.transaction(connection -> {
            DSLContext dsl = database.dsl(connection);
            if (dsl.fetchExists(PERSONS, HANDLE.eq(handle))) {
                throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.vault.handleTaken", handle));
            }
            Person.Role role = dsl.fetchExists(PERSONS, ROLE.eq(Person.Role.OPERATOR.term()))
                    ? Person.Role.MEMBER : Person.Role.OPERATOR;
            dsl.insertInto(PERSONS)
                    .set(HANDLE, handle)
                    .set(TIME_ZONE, zone.getId())
                    .set(CREATED_AT, now.toEpochMilli())
                    .set(ROLE, role.term())
                    .set(PASSWORD_HASH, passwordHash.orElse(null))
                    .execute();
            return dsl.select(VaultTables.columns(PERSONS)).from(PERSONS).where(HANDLE.eq(handle)).fetchOne(People::person);
        });
    }

    public Optional<Person> find(String handle) {
        return database.read(connection -> database.dsl(connection)
                .select(VaultTables.columns(PERSONS)).from(PERSONS).where(HANDLE.eq(handle)).fetchOptional(People::person));
    }

    /**
     * The person, as the owner's pages and a recipient's every request read them (for their time zone): in plain SQL,
     * written once here rather than rendered by the query builder at each request, which cost more than the query.
     */
    public Person get(PersonId id) {
        requireNonNull(id, "id is null");
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(GET)) {
                select.setLong(1, id.value());
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<Person>empty();
                    }
                    return Optional.of(new Person(PersonId.of(rows.getLong(1)), rows.getString(2), ZoneId.of(rows.getString(3)),
                            Instant.ofEpochMilli(rows.getLong(4)), Person.Role.fromTerm(rows.getString(5))));
                }
            }
        }).orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.vault.noPerson", id.toString())));
    }

    /** The vault's operator; none only in a vault that holds nobody. */
    public Optional<Person> operator() {
        return database.read(connection -> database.dsl(connection)
                .select(VaultTables.columns(PERSONS)).from(PERSONS).where(ROLE.eq(Person.Role.OPERATOR.term()))
                .fetchOptional(People::person));
    }

    /** Everyone in the vault, in the order they were added: the operator is the first. */
    public List<Person> list() {
        return database.read(connection -> database.dsl(connection)
                .select(VaultTables.columns(PERSONS)).from(PERSONS).orderBy(PERSON_ID).fetch(People::person));
    }

    /**
     * Refuses a password that {@link #setPassword} would refuse, so that a person who types one hears so at once.
     *
     * @throws SelfdataException {@link ErrorCode#INVALID_ARGUMENT} saying what a password must be
     */
    public static void requireAcceptablePassword(char[] password) {
        PasswordHash.requireAcceptable(password);
    }

    public void setPassword(PersonId id, char[] password) {
        String hash = PasswordHash.hash(password);
        int updated = database.transaction(connection -> database.dsl(connection)
                .update(PERSONS).set(PASSWORD_HASH, hash).where(PERSON_ID.eq(id.value())).execute());
        if (updated == 0) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.vault.noPerson", id.toString()));
        }
    }

    public boolean hasPassword(PersonId id) {
        return database.read(connection -> database.dsl(connection)
                .fetchExists(PERSONS, PERSON_ID.eq(id.value()).and(PASSWORD_HASH.isNotNull())));
    }

    /** The person with this handle and password, if both are right. Which of the two was wrong is not told. */
    public Optional<Person> authenticate(String handle, char[] password) {
        Optional<Record> row = database.read(connection -> database.dsl(connection)
                .select(VaultTables.columns(PERSONS)).from(PERSONS).where(HANDLE.eq(handle)).fetchOptional());
        String hash = row.map(found -> found.get(PASSWORD_HASH)).orElse(null);
        boolean verified = PasswordHash.verify(password, hash == null ? DECOY_HASH : hash);
        return verified && hash != null ? row.map(People::person) : Optional.empty();
    }

    static Person person(Record row) {
        return new Person(PersonId.of(row.get(PERSON_ID)), row.get(HANDLE), ZoneId.of(row.get(TIME_ZONE)),
                Instant.ofEpochMilli(row.get(CREATED_AT)), Person.Role.fromTerm(row.get(ROLE)));
    }
}
