package org.selfdata.vault;

import org.jooq.DSLContext;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.CREATED_AT;
import static org.selfdata.vault.VaultTables.HANDLE;
import static org.selfdata.vault.VaultTables.IDENTITY_ISSUER;
import static org.selfdata.vault.VaultTables.IDENTITY_SUBJECT;
import static org.selfdata.vault.VaultTables.LINKED_AT;
import static org.selfdata.vault.VaultTables.PERSONS;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.PERSON_IDENTITIES;
import static org.selfdata.vault.VaultTables.ROLE;
import static org.selfdata.vault.VaultTables.TIME_ZONE;

/**
 * Who signs in as whom at the operator's OpenID Connect provider: an identity is the provider's issuer and the subject
 * it names a person by (its {@code sub} claim). One person per identity, one identity per person at each provider.
 *
 * <p>The subject is the only claim kept: unlike an e-mail address or a user name, a provider never gives it to someone
 * else. On PostgreSQL the table is under row-level security like every personal table; signing in, which looks the
 * person up before anyone is named, names the one identity it holds instead, and sees that row only.
 */
public final class PersonIdentities {
    /** OpenID Connect Core, section 2: a subject is at most 255 ASCII characters. */
    private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final int MAXIMUM_ISSUER_LENGTH = 2_048;

    private final Database database;
    private final Clock clock;

    PersonIdentities(Database database, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Links a person to their identity at a provider, so that they can sign in there.
     *
     * @throws SelfdataException {@link ErrorCode#CONFLICT} when the identity is someone's already, or the person has one
     *     at that provider; {@link ErrorCode#INVALID_ARGUMENT} for a subject or issuer no provider sends
     */
    public void link(PersonId person, String issuer, String subject) {
        requireNonNull(person, "person is null");
        requireIdentity(issuer, subject);
        database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            if (!dsl.fetchExists(PERSONS, PERSON_ID.eq(person.value()))) {
                throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.vault.noPerson", person.toString()));
            }
            insert(connection, dsl, person, issuer, subject);
            return null;
        });
    }

    /** Unlinks the person's identity at a provider; whether there was one. Their password, if any, still works. */
    public boolean unlink(PersonId person, String issuer) {
        requireNonNull(person, "person is null");
        requireNonNull(issuer, "issuer is null");
        return database.transaction(person, connection -> database.dsl(connection).deleteFrom(PERSON_IDENTITIES)
                .where(PERSON_ID.eq(person.value()).and(IDENTITY_ISSUER.eq(issuer))).execute() > 0);
    }

    /** The person a provider's identity belongs to, if someone was linked to it. */
    public Optional<Person> find(String issuer, String subject) {
        if (!isIdentity(issuer, subject)) {
            return Optional.empty();
        }
        return database.read(connection -> {
            nameIdentity(connection, issuer, subject);
            DSLContext dsl = database.dsl(connection);
            return dsl.select(VaultTables.columns(PERSONS)).from(PERSONS)
                    .where(PERSON_ID.in(dsl.select(PERSON_ID).from(PERSON_IDENTITIES)
                            .where(IDENTITY_ISSUER.eq(issuer).and(IDENTITY_SUBJECT.eq(subject)))))
                    .fetchOptional(People::person);
        });
    }

    /** The subject a person is known by at a provider, if they were linked to one there. */
    public Optional<String> subject(PersonId person, String issuer) {
        requireNonNull(person, "person is null");
        requireNonNull(issuer, "issuer is null");
        return database.read(person, connection -> database.dsl(connection).select(IDENTITY_SUBJECT).from(PERSON_IDENTITIES)
                .where(PERSON_ID.eq(person.value()).and(IDENTITY_ISSUER.eq(issuer))).fetchOptional(IDENTITY_SUBJECT));
    }

    /** An identity a person signs in with: the provider's issuer and the subject it names them by. */
    public record Identity(String issuer, String subject) {
        public Identity {
            requireNonNull(issuer, "issuer is null");
            requireNonNull(subject, "subject is null");
        }
    }

    /** The identities the person signs in with, by issuer: what the operator sees of them in the list of people. */
    public List<Identity> of(PersonId person) {
        requireNonNull(person, "person is null");
        return database.read(person, connection -> database.dsl(connection)
                .select(IDENTITY_ISSUER, IDENTITY_SUBJECT).from(PERSON_IDENTITIES)
                .where(PERSON_ID.eq(person.value()))
                .orderBy(IDENTITY_ISSUER)
                .fetch(row -> new Identity(row.value1(), row.value2())));
    }

    /**
     * Adds a member with this handle, linked to the identity, in one transaction: the first sign-in of someone the
     * operator lets in by their provider's word alone. Without a password: they sign in at the provider.
     *
     * @throws SelfdataException {@link ErrorCode#CONFLICT} when the handle is taken or the identity is someone's already:
     *     nobody is added
     */
    public Person enrol(String handle, ZoneId zone, String issuer, String subject) {
        Person.requireHandle(handle);
        requireNonNull(zone, "zone is null");
        requireIdentity(issuer, subject);
        return database.transaction(connection -> {
            DSLContext dsl = database.dsl(connection);
            if (dsl.fetchExists(PERSONS, HANDLE.eq(handle))) {
                throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.vault.handleTaken", handle));
            }
            dsl.insertInto(PERSONS)
                    .set(HANDLE, handle)
                    .set(TIME_ZONE, zone.getId())
                    .set(CREATED_AT, clock.millis())
                    .set(ROLE, Person.Role.MEMBER.term())
                    .execute();
            Person person = dsl.select(VaultTables.columns(PERSONS)).from(PERSONS).where(HANDLE.eq(handle))
                    .fetchOne(People::person);
            database.scope(connection, person.id());
            insert(connection, dsl, person.id(), issuer, subject);
            return person;
        });
    }

    private void insert(Connection connection, DSLContext dsl, PersonId person, String issuer, String subject)
            throws SQLException {
        nameIdentity(connection, issuer, subject);
        if (dsl.fetchExists(PERSON_IDENTITIES, IDENTITY_ISSUER.eq(issuer).and(IDENTITY_SUBJECT.eq(subject)))) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.vault.identityTaken", subject, issuer));
        }
        if (dsl.fetchExists(PERSON_IDENTITIES, PERSON_ID.eq(person.value()).and(IDENTITY_ISSUER.eq(issuer)))) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.vault.identityAlreadyLinked", issuer));
        }
        dsl.insertInto(PERSON_IDENTITIES)
                .set(PERSON_ID, person.value())
                .set(IDENTITY_ISSUER, issuer)
                .set(IDENTITY_SUBJECT, subject)
                .set(LINKED_AT, clock.millis())
                .execute();
    }

    /** Names the identity the transaction may read on PostgreSQL, whoever it belongs to; the other rows stay hidden. */
    private void nameIdentity(Connection connection, String issuer, String subject) throws SQLException {
        if (database.isPostgres()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT set_config('selfdata.identity_issuer', ?, true), set_config('selfdata.identity_subject', ?, true)")) {
                statement.setString(1, issuer);
                statement.setString(2, subject);
                statement.execute();
            }
        }
    }

    private static void requireIdentity(String issuer, String subject) {
        requireNonNull(issuer, "issuer is null");
        requireNonNull(subject, "subject is null");
        if (!isIdentity(issuer, subject)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.vault.identityShape"));
        }
    }

    private static boolean isIdentity(String issuer, String subject) {
        return !issuer.isBlank() && issuer.length() <= MAXIMUM_ISSUER_LENGTH && SUBJECT.matcher(subject).matches();
    }
}
