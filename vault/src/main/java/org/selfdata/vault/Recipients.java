package org.selfdata.vault;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecipientIdentity;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.max;
import static org.selfdata.vault.VaultTables.DECLARATION;
import static org.selfdata.vault.VaultTables.DECLARED_AT;
import static org.selfdata.vault.VaultTables.IDENTITY;
import static org.selfdata.vault.VaultTables.KIND;
import static org.selfdata.vault.VaultTables.PERSONS;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.RECIPIENTS;
import static org.selfdata.vault.VaultTables.RECIPIENTS_AWAITING_ADMISSION;
import static org.selfdata.vault.VaultTables.RECIPIENT_DECLARATIONS;
import static org.selfdata.vault.VaultTables.RECIPIENT_ID;
import static org.selfdata.vault.VaultTables.REDIRECT_URIS;
import static org.selfdata.vault.VaultTables.REGISTERED_AT;
import static org.selfdata.vault.VaultTables.RESTORED_AT;
import static org.selfdata.vault.VaultTables.ROLE;
import static org.selfdata.vault.VaultTables.VERSION;

/**
 * The apps, services and organizations registered to ask for grants, and what each declares it does with personal
 * data. Recipients belong to the platform, not to one person. A declaration is never changed: a recipient that does
 * something new declares a new version, and grants keep pointing at the version the person was shown.
 *
 * <p>Every person of the vault reads this catalogue, since a person must see what a recipient declares before granting
 * it anything; only the vault's operator writes it. Were any person able to, one could declare on a recipient's behalf
 * what another person's next consent check then finds justified. The check runs in the transaction that writes, so no
 * surface can skip it.
 */
public final class Recipients {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A recipient as the operator registered it, when, and the versions of its declaration an archive carries. */
    public record Registration(Recipient recipient, Instant registeredAt, List<Declared> declarations) {
        public Registration {
            requireNonNull(recipient, "recipient is null");
            requireNonNull(registeredAt, "registeredAt is null");
            declarations = List.copyOf(declarations);
        }
    }

    /** One version of a declaration, and when the operator wrote it. */
    public record Declared(ProcessingDeclaration declaration, Instant declaredAt) {
        public Declared {
            requireNonNull(declaration, "declaration is null");
            requireNonNull(declaredAt, "declaredAt is null");
        }
    }

    /** A recipient that a person's restore brought back with their grants, and when; it awaits the operator. */
    public record Awaiting(Recipient recipient, Instant restoredAt) {
        public Awaiting {
            requireNonNull(recipient, "recipient is null");
            requireNonNull(restoredAt, "restoredAt is null");
        }
    }

    private final Database database;
    private final Clock clock;

    Recipients(Database database, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Admits a recipient, for the operator acting; anyone else is refused and nothing is written. */
    public Recipient register(PersonId operator, RecipientIdentity identity, List<URI> redirectUris, Recipient.Kind kind) {
        requireNonNull(operator, "operator is null");
        Recipient recipient = new Recipient(RecipientId.of(newId()), identity, redirectUris, kind);
        long now = clock.millis();
        database.transaction(connection -> {
            DSLContext dsl = database.dsl(connection);
            requireOperator(dsl, operator);
            return dsl.insertInto(RECIPIENTS)
                    .set(RECIPIENT_ID, recipient.id().value())
                    .set(KIND, recipient.kind().term())
                    .set(IDENTITY, SharingJson.identity(identity))
                    .set(REDIRECT_URIS, SharingJson.redirectUris(recipient.redirectUris()))
                    .set(REGISTERED_AT, now)
                    .execute();
        });
        return recipient;
    }

    /**
     * Refuses anyone but the vault's operator, before a surface reads what it would write: the person learns that they
     * may not before being told what is wrong with what they sent. The writes check again in their own transaction.
     */
    public void requireOperator(PersonId person) {
        requireNonNull(person, "person is null");
        database.transaction(connection -> {
            requireOperator(database.dsl(connection), person);
            return null;
        });
    }

    static void requireOperator(DSLContext dsl, PersonId person) {
        if (!isOperator(dsl, person)) {
            throw new SelfdataException(ErrorCode.FORBIDDEN, Wording.of("error.vault.operatorAdmits"));
        }
    }

    static boolean isOperator(DSLContext dsl, PersonId person) {
        return dsl.fetchExists(PERSONS, PERSON_ID.eq(person.value()).and(ROLE.eq(Person.Role.OPERATOR.term())));
    }

    public Optional<Recipient> find(RecipientId id) {
        return database.read(connection -> database.dsl(connection)
                .select(VaultTables.columns(RECIPIENTS)).from(RECIPIENTS).where(RECIPIENT_ID.eq(id.value()))
                .fetchOptional(Recipients::recipient));
    }

    public Recipient get(RecipientId id) {
        return find(id).orElseThrow(() -> missing(id));
    }

    /** The catalogue: every recipient the operator admitted, none that a restore brought back and awaits admission. */
    public List<Recipient> list() {
        return database.read(connection -> database.dsl(connection)
                .select(VaultTables.columns(RECIPIENTS)).from(RECIPIENTS)
                .where(RECIPIENT_ID.notIn(DSL.select(RECIPIENT_ID).from(RECIPIENTS_AWAITING_ADMISSION)))
                .orderBy(REGISTERED_AT, RECIPIENT_ID)
                .fetch(Recipients::recipient));
    }

    /**
     * A recipient as registered, with its declarations up to {@code lastVersion} and when each was written: what an
     * archive carries as the evidence of the grants that name it. A recipient awaiting admission is read too.
     */
    public Registration registration(RecipientId id, int lastVersion) {
        return database.transaction(connection -> {
            DSLContext dsl = database.dsl(connection);
            Record row = dsl.select(VaultTables.columns(RECIPIENTS)).from(RECIPIENTS).where(RECIPIENT_ID.eq(id.value()))
                    .fetchOptional().orElseThrow(() -> missing(id));
            List<Declared> declarations = dsl.select(DECLARATION, DECLARED_AT).from(RECIPIENT_DECLARATIONS)
                    .where(RECIPIENT_ID.eq(id.value()).and(VERSION.le(lastVersion)))
                    .orderBy(VERSION)
                    .fetch(declared -> new Declared(SharingJson.declaration(declared.value1()),
                            Instant.ofEpochMilli(declared.value2())));
            return new Registration(recipient(row), Instant.ofEpochMilli(row.get(REGISTERED_AT)), declarations);
        });
    }

    /**
     * Admits, for the operator acting, a recipient that a restore brought back with a person's grants: from now on it
     * is listed, and may ask for grants and use them. Admitting one already admitted changes nothing.
     */
    public void admit(PersonId operator, RecipientId id) {
        requireNonNull(operator, "operator is null");
        database.transaction(connection -> {
            DSLContext dsl = database.dsl(connection);
            requireOperator(dsl, operator);
            if (!dsl.fetchExists(RECIPIENTS, RECIPIENT_ID.eq(id.value()))) {
                throw missing(id);
            }
            return dsl.deleteFrom(RECIPIENTS_AWAITING_ADMISSION).where(RECIPIENT_ID.eq(id.value())).execute();
        });
    }

    /**
     * The recipients that restores brought back and that await admission, the oldest first, for the operator acting to
     * review before admitting them; anyone else is refused. Nothing in it tells whose grants brought them back.
     */
    public List<Awaiting> awaitingAdmission(PersonId operator) {
        requireNonNull(operator, "operator is null");
        return database.transaction(connection -> {
            DSLContext dsl = database.dsl(connection);
            requireOperator(dsl, operator);
            return dsl.select(VaultTables.columns(RECIPIENTS)).select(RESTORED_AT)
                    .from(RECIPIENTS.join(RECIPIENTS_AWAITING_ADMISSION).using(RECIPIENT_ID))
                    .orderBy(RESTORED_AT, RECIPIENT_ID)
                    .fetch(row -> new Awaiting(recipient(row), Instant.ofEpochMilli(row.get(RESTORED_AT))));
        });
    }

    /** Whether the operator admitted the recipient, rather than a restore bringing it back as evidence alone. */
    public boolean isAdmitted(RecipientId id) {
        return database.read(connection -> !awaitsAdmission(database.dsl(connection), id));
    }

    /** Refuses a recipient that awaits the operator's admission, before a surface offers it anything. */
    public void requireAdmitted(RecipientId id) {
        database.transaction(connection -> {
            requireAdmitted(database.dsl(connection), id);
            return null;
        });
    }

    /**
     * Refuses a recipient that awaits the operator's admission, in the transaction of whatever would let it act: a
     * grant, a code or token, a secret. A crafted archive brings a recipient back, never admits it.
     */
    static void requireAdmitted(DSLContext dsl, RecipientId id) {
        if (awaitsAdmission(dsl, id)) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.vault.recipientAwaitsAdmission", id.value()));
        }
    }

    private static boolean awaitsAdmission(DSLContext dsl, RecipientId id) {
        return dsl.fetchExists(RECIPIENTS_AWAITING_ADMISSION, RECIPIENT_ID.eq(id.value()));
    }

    /**
     * Writes a recipient's next declaration, for the operator acting. Its version must follow the current one, so that
     * two declarations written at once cannot both become the same version.
     */
    public ProcessingDeclaration declare(PersonId operator, RecipientId id, ProcessingDeclaration declaration) {
        requireNonNull(operator, "operator is null");
        requireNonNull(declaration, "declaration is null");
        long now = clock.millis();
        return database.transaction(connection -> {
            DSLContext dsl = database.dsl(connection);
            requireOperator(dsl, operator);
            if (!dsl.fetchExists(RECIPIENTS, RECIPIENT_ID.eq(id.value()))) {
                throw missing(id);
            }
            int current = currentVersion(dsl, id).orElse(0);
            if (declaration.version() != current + 1) {
                throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.vault.declarationSequence",
                        id.toString(), Integer.toString(current), Integer.toString(current + 1),
                        Integer.toString(declaration.version())));
            }
            dsl.insertInto(RECIPIENT_DECLARATIONS)
                    .set(RECIPIENT_ID, id.value())
                    .set(VERSION, declaration.version())
                    .set(DECLARATION, SharingJson.declaration(declaration))
                    .set(DECLARED_AT, now)
                    .execute();
            return declaration;
        });
    }

    public Optional<ProcessingDeclaration> currentDeclaration(RecipientId id) {
        return database.read(connection -> {
            DSLContext dsl = database.dsl(connection);
            return currentVersion(dsl, id).flatMap(version -> declaration(dsl, id, version));
        });
    }

    public Optional<ProcessingDeclaration> declaration(RecipientId id, int version) {
        return database.read(connection -> declaration(database.dsl(connection), id, version));
    }

    private static Optional<ProcessingDeclaration> declaration(DSLContext dsl, RecipientId id, int version) {
        return dsl.select(DECLARATION).from(RECIPIENT_DECLARATIONS)
                .where(RECIPIENT_ID.eq(id.value()).and(VERSION.eq(version)))
                .fetchOptional(row -> SharingJson.declaration(row.value1()));
    }

    private static Optional<Integer> currentVersion(DSLContext dsl, RecipientId id) {
        return Optional.ofNullable(dsl.select(max(VERSION)).from(RECIPIENT_DECLARATIONS)
                .where(RECIPIENT_ID.eq(id.value())).fetchOne(row -> row.value1()));
    }

    static Recipient recipient(Record row) {
        return new Recipient(RecipientId.of(row.get(RECIPIENT_ID)), SharingJson.identity(row.get(IDENTITY)),
                SharingJson.redirectUris(row.get(REDIRECT_URIS)),
                Recipient.Kind.valueOf(row.get(KIND).toUpperCase(Locale.ROOT)));
    }

    static SelfdataException missing(RecipientId id) {
        return new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.vault.noRecipient", id.toString()));
    }

    /**
     * 128 random bits in URL-safe Base64, starting with a letter or digit: unguessable, and safe in URLs, receipts, the
     * log and command lines.
     */
    static String newId() {
        byte[] bytes = new byte[16];
        String id;
        do {
            RANDOM.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        // An id that began with '-' would read as an option on a command line: 'selfdata grants withdraw -x…'.
        while (!Character.isLetterOrDigit(id.charAt(0)));
        return id;
    }
}
