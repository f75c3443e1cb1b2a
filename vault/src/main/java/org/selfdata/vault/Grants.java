package org.selfdata.vault;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record5;
import org.jooq.SelectOnConditionStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.InstantText;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.OAUTH_TOKENS;
import static org.selfdata.vault.VaultTables.DECLARATION_VERSION;
import static org.selfdata.vault.VaultTables.GIVEN_AT;
import static org.selfdata.vault.VaultTables.GRANTS;
import static org.selfdata.vault.VaultTables.GRANT_ID;
import static org.selfdata.vault.VaultTables.GRANT_WITHDRAWALS;
import static org.selfdata.vault.VaultTables.KIND;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.RECIPIENTS;
import static org.selfdata.vault.VaultTables.RECIPIENT_DECLARATIONS;
import static org.selfdata.vault.VaultTables.RECIPIENT_ID;
import static org.selfdata.vault.VaultTables.TERMS;
import static org.selfdata.vault.VaultTables.VALID_UNTIL;
import static org.selfdata.vault.VaultTables.VERSION;
import static org.selfdata.vault.VaultTables.WITHDRAWN_AT;

/**
 * The grants people give recipients, and their withdrawals. This stores what it is given: whether terms are
 * justified by the recipient's declaration is for the gate to decide before it gives them.
 *
 * <p>Every read goes to the database, never to a cache, so a withdrawal is seen by the very next request.
 */
public final class Grants {
    /**
     * Terms as parsed, by the exact text they are stored as: a recipient's every request reads its grant, and terms never
     * change once given (a withdrawal is a row of its own), so the same text always parses to the same terms. Bounded:
     * emptied when full, since parsing again is only slower.
     */
    private static final ConcurrentHashMap<String, GrantTerms> PARSED_TERMS = new ConcurrentHashMap<>();
    private static final int PARSED_TERMS_KEPT = 1_000;
    private static final Field<Long> GRANT_PERSON = qualified(GRANTS, PERSON_ID);
    private static final Field<String> GRANT_GRANT_ID = qualified(GRANTS, GRANT_ID);
    private static final Field<String> GRANT_RECIPIENT = qualified(GRANTS, RECIPIENT_ID);
    private static final Field<String> GRANT_TERMS = qualified(GRANTS, TERMS);
    private static final Field<Long> GRANT_GIVEN_AT = qualified(GRANTS, GIVEN_AT);
    private static final Field<Long> WITHDRAWAL_PERSON = qualified(GRANT_WITHDRAWALS, PERSON_ID);
    private static final Field<String> WITHDRAWAL_GRANT_ID = qualified(GRANT_WITHDRAWALS, GRANT_ID);
    private static final Field<Long> WITHDRAWAL_AT = qualified(GRANT_WITHDRAWALS, WITHDRAWN_AT);

    /**
     * One grant with its withdrawal, as a recipient's every request reads it: in plain SQL, written once here rather than
     * rendered by the query builder at each request, which cost more than the query.
     */
    private static final String FIND = "SELECT g.terms, g.given_at, w.withdrawn_at FROM grants g LEFT JOIN grant_withdrawals w "
            + "ON w.person_id = g.person_id AND w.grant_id = g.grant_id WHERE g.person_id = ? AND g.grant_id = ?";

    private final Database database;
    private final Clock clock;
    private final TransparencyLog log;

    Grants(Database database, Clock clock, TransparencyLog log) {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.log = requireNonNull(log, "log is null");
    }

    /**
     * What is written with a grant given or withdrawn, in the same transaction: its signed receipt and its entry on
     * the person's log. A crash can leave neither or all three, never a grant without its receipt or entry.
     */
    public record Attestation(ConsentReceiptArchive.KeptReceipt receipt, LogEntryDraft entry) {
        public Attestation {
            requireNonNull(receipt, "receipt is null");
            requireNonNull(entry, "entry is null");
        }
    }

    /** Stores a grant with its attestation, which is made from the grant as stored (its id, its time). */
    public Grant give(PersonId person, GrantTerms terms, Function<Grant, Attestation> attestation) {
        return give(person, terms, Optional.of(attestation));
    }

    Grant give(PersonId person, GrantTerms terms) {
        return give(person, terms, Optional.empty());
    }

    private Grant give(PersonId person, GrantTerms terms, Optional<Function<Grant, Attestation>> attestation) {
        requireNonNull(terms, "terms is null");
        Grant grant = new Grant(GrantId.of(Recipients.newId()), person, terms, InstantText.kept(clock.instant()),
                Optional.empty());
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            RecipientId recipient = terms.recipient();
            if (!dsl.fetchExists(RECIPIENTS, RECIPIENT_ID.eq(recipient.value()))) {
                throw Recipients.missing(recipient);
            }
            Recipients.requireAdmitted(dsl, recipient);
            if (!dsl.fetchExists(RECIPIENT_DECLARATIONS,
                    RECIPIENT_ID.eq(recipient.value()).and(VERSION.eq(terms.declarationVersion())))) {
                throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.vault.noDeclarationVersion",
                        recipient.toString(), Integer.toString(terms.declarationVersion())));
            }
            dsl.insertInto(GRANTS)
                    .set(PERSON_ID, person.value())
                    .set(GRANT_ID, grant.id().value())
                    .set(RECIPIENT_ID, recipient.value())
                    .set(DECLARATION_VERSION, terms.declarationVersion())
                    .set(KIND, terms.kind().term())
                    .set(TERMS, SharingJson.terms(terms))
                    .set(GIVEN_AT, grant.givenAt().toEpochMilli())
                    .set(VALID_UNTIL, terms.validUntil().toEpochMilli())
                    .execute();
            attest(connection, person, grant, attestation);
            return grant;
        });
    }

    /**
     * Withdraws a grant from now on, with its attestation, and deletes every code and token bound to it in the same
     * transaction, so that the recipient's very next request is refused. A grant is withdrawn once: withdrawing it
     * again is refused and changes nothing.
     */
    public Grant withdraw(PersonId person, GrantId id, Function<Grant, Attestation> attestation) {
        return withdraw(person, id, Optional.of(attestation));
    }

    Grant withdraw(PersonId person, GrantId id) {
        return withdraw(person, id, Optional.empty());
    }

    private Grant withdraw(PersonId person, GrantId id, Optional<Function<Grant, Attestation>> attestation) {
        Instant now = InstantText.kept(clock.instant());
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            Grant grant = find(dsl, person, id).orElseThrow(() -> missing(id));
            if (grant.withdrawnAt().isPresent()) {
                throw new SelfdataException(ErrorCode.CONFLICT,
                        Wording.of("error.vault.alreadyWithdrawn", id.toString(), grant.withdrawnAt().get().toString()));
            }
            dsl.insertInto(GRANT_WITHDRAWALS)
                    .set(PERSON_ID, person.value())
                    .set(GRANT_ID, id.value())
                    .set(WITHDRAWN_AT, now.toEpochMilli())
                    .execute();
            dsl.deleteFrom(OAUTH_TOKENS).where(PERSON_ID.eq(person.value()).and(GRANT_ID.eq(id.value()))).execute();
            Grant withdrawn = grant.withdrawn(now);
            attest(connection, person, withdrawn, attestation);
            return withdrawn;
        });
    }

    private void attest(Connection connection, PersonId person, Grant grant,
                        Optional<Function<Grant, Attestation>> attestation) throws SQLException {
        if (attestation.isPresent()) {
            Attestation made = attestation.get().apply(grant);
            ConsentReceiptArchive.keep(database.dsl(connection), person, grant.id(), made.receipt());
            log.append(connection, person, List.of(made.entry()));
        }
    }

    public Optional<Grant> find(PersonId person, GrantId id) {
        requireNonNull(person, "person is null");
        requireNonNull(id, "id is null");
        return database.read(person, connection -> {
            try (PreparedStatement select = connection.prepareStatement(FIND)) {
                select.setLong(1, person.value());
                select.setString(2, id.value());
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<Grant>empty();
                    }
                    String terms = rows.getString(1);
                    Instant givenAt = Instant.ofEpochMilli(rows.getLong(2));
                    long withdrawnAt = rows.getLong(3);
                    Optional<Instant> withdrawn = rows.wasNull() ? Optional.empty()
                            : Optional.of(Instant.ofEpochMilli(withdrawnAt));
                    return Optional.of(new Grant(id, person, parsed(terms), givenAt, withdrawn));
                }
            }
        });
    }

    public Grant get(PersonId person, GrantId id) {
        return find(person, id).orElseThrow(() -> missing(id));
    }

    /** The person's grants, newest first, withdrawn and expired ones included. */
    public List<Grant> list(PersonId person) {
        return database.read(person, connection -> select(database.dsl(connection))
                .where(GRANT_PERSON.eq(person.value()))
                .orderBy(GRANT_GIVEN_AT.desc(), GRANT_GRANT_ID)
                .fetch(Grants::grant));
    }

    /** The person's grants to one recipient, newest first. */
    public List<Grant> list(PersonId person, RecipientId recipient) {
        return database.read(person, connection -> select(database.dsl(connection))
                .where(GRANT_PERSON.eq(person.value()).and(GRANT_RECIPIENT.eq(recipient.value())))
                .orderBy(GRANT_GIVEN_AT.desc(), GRANT_GRANT_ID)
                .fetch(Grants::grant));
    }

    private static Optional<Grant> find(DSLContext dsl, PersonId person, GrantId id) {
        return select(dsl)
                .where(GRANT_PERSON.eq(person.value()).and(GRANT_GRANT_ID.eq(id.value())))
                .fetchOptional(Grants::grant);
    }

    private static SelectOnConditionStep<Record5<Long, String, String, Long, Long>> select(DSLContext dsl) {
        return dsl.select(GRANT_PERSON, GRANT_GRANT_ID, GRANT_TERMS, GRANT_GIVEN_AT,
                        WITHDRAWAL_AT)
                .from(GRANTS)
                .leftJoin(GRANT_WITHDRAWALS)
                .on(WITHDRAWAL_PERSON.eq(GRANT_PERSON)
                        .and(WITHDRAWAL_GRANT_ID.eq(GRANT_GRANT_ID)));
    }

    private static Grant grant(Record row) {
        Long withdrawnAt = row.get(WITHDRAWAL_AT);
        return new Grant(GrantId.of(row.get(GRANT_GRANT_ID)), PersonId.of(row.get(GRANT_PERSON)),
                parsed(row.get(GRANT_TERMS)), Instant.ofEpochMilli(row.get(GRANT_GIVEN_AT)),
                Optional.ofNullable(withdrawnAt).map(Instant::ofEpochMilli));
    }

    private static GrantTerms parsed(String stored) {
        GrantTerms terms = PARSED_TERMS.get(stored);
        if (terms == null) {
            terms = SharingJson.terms(stored);
            if (PARSED_TERMS.size() >= PARSED_TERMS_KEPT) {
                PARSED_TERMS.clear();
            }
            PARSED_TERMS.put(stored, terms);
        }
        return terms;
    }

    private static <T> Field<T> qualified(Table<Record> table, Field<T> column) {
        return DSL.field(DSL.name(table.getName(), column.getName()), column.getDataType());
    }

    private static SelfdataException missing(GrantId id) {
        return new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.vault.noGrant", id.toString()));
    }
}
