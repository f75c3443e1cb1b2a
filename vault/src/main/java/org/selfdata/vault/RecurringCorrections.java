package org.selfdata.vault;

import org.jooq.DSLContext;
import org.selfdata.model.CorrectedRecurring;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecurringCorrection;
import org.selfdata.model.RecurringVerdict;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.max;
import static org.selfdata.vault.VaultTables.CORRECTION_NUMBER;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.RECORDED_AT;
import static org.selfdata.vault.VaultTables.RECURRING_CORRECTIONS;
import static org.selfdata.vault.VaultTables.SEALED_CORRECTION;

/**
 * The person's corrections of the payments and income selfdata found coming back in their bank lines, kept as the
 * corrections of places are ({@link PlaceCorrections}): each is a new row after the person's last, so that a
 * correction supersedes the one before it for the same flow without erasing it, and taking one back is one more
 * correction. A correction and its entry on the person's transparency log land in one transaction; the entry says only
 * that a payment was corrected, never which, nor the name given.
 *
 * <p>The key, verdict and name are sealed together under the vault's key and bound to the person and the correction's
 * number: a name such as "Psychologist" says as much as the payment. A person corrects a few dozen flows at most, so a
 * flow's history is found by opening them all.
 */
public final class RecurringCorrections {
    private final Database database;
    private final KeyEncryptionKey keyEncryptionKey;
    private final TransparencyLog log;
    private final Clock clock;

    RecurringCorrections(Database database, KeyEncryptionKey keyEncryptionKey, TransparencyLog log, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.keyEncryptionKey = requireNonNull(keyEncryptionKey, "keyEncryptionKey is null");
        this.log = requireNonNull(log, "log is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Keeps what the person says of a flow now, after everything they said before, and logs it: answers the flow with
     * its whole history. Taking back ({@link RecurringVerdict#WITHDRAWN}) is refused when nothing holds for the flow.
     */
    public CorrectedRecurring correct(PersonId person, String key, RecurringVerdict verdict, Optional<String> name) {
        requireNonNull(person, "person is null");
        RecurringCorrection correction = new RecurringCorrection(key, verdict, name, Instant.ofEpochMilli(clock.millis()));
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            if (verdict == RecurringVerdict.WITHDRAWN && flows(dsl, person).stream()
                    .noneMatch(flow -> flow.key().equals(key) && flow.current().isPresent())) {
                throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("money.correction.notCorrected"));
            }
            return append(connection, person, correction);
        });
    }

    /** Every flow the person ever corrected, each with its whole history, in the order of their first correction. */
    public List<CorrectedRecurring> all(PersonId person) {
        requireNonNull(person, "person is null");
        return database.transaction(person, connection -> flows(database.dsl(connection), person));
    }

    /** The corrections that hold now: one per flow, those taken back left out. */
    public List<RecurringCorrection> current(PersonId person) {
        return all(person).stream().flatMap(flow -> flow.current().stream()).toList();
    }

    /**
     * Refuses corrections from an archive that this class would not have kept: a history must be in the order the
     * corrections were made, and a correction can be taken back only when one holds.
     */
    public static void check(List<RecurringCorrection> corrections) {
        Map<String, RecurringCorrection> latest = new LinkedHashMap<>();
        Instant previous = Instant.MIN;
        for (RecurringCorrection correction : corrections) {
            if (correction.at().isBefore(previous)) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("money.correction.order"));
            }
            previous = correction.at();
            RecurringCorrection before = latest.put(correction.key(), correction);
            if (correction.verdict() == RecurringVerdict.WITHDRAWN
                    && (before == null || before.verdict() == RecurringVerdict.WITHDRAWN)) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("money.correction.nothingToWithdraw"));
            }
        }
    }

    /** Every correction the person made, in the order they made them: what an export carries. */
    public List<RecurringCorrection> kept(PersonId person) {
        requireNonNull(person, "person is null");
        return database.transaction(person, connection -> corrections(database.dsl(connection), person));
    }

    /** Writes the corrections from an archive, in order, numbered from 1, inside a restore's transaction. */
    void restore(DSLContext dsl, PersonId person, List<RecurringCorrection> corrections) {
        check(corrections);
        long number = 1;
        for (RecurringCorrection correction : corrections) {
            insert(dsl, person, number++, correction);
        }
    }

    private CorrectedRecurring append(Connection connection, PersonId person, RecurringCorrection correction)
            throws SQLException {
        DSLContext dsl = database.dsl(connection);
        Long last = dsl.select(max(CORRECTION_NUMBER)).from(RECURRING_CORRECTIONS)
                .where(PERSON_ID.eq(person.value())).fetchOne(0, Long.class);
        insert(dsl, person, last == null ? 1 : last + 1, correction);
        log.append(connection, person, List.of(LogEntryDraft.of(new LogActor.Owner(), LogAction.PAYMENT_CORRECTION,
                Set.of(), 0)));
        return flows(dsl, person).stream().filter(flow -> flow.key().equals(correction.key())).findFirst().orElseThrow();
    }

    private void insert(DSLContext dsl, PersonId person, long number, RecurringCorrection correction) {
        dsl.insertInto(RECURRING_CORRECTIONS)
                .set(PERSON_ID, person.value())
                .set(CORRECTION_NUMBER, number)
                .set(RECORDED_AT, correction.at().toEpochMilli())
                .set(SEALED_CORRECTION, keyEncryptionKey.seal(sealed(correction),
                        AssociatedData.recurringCorrection(person, number)))
                .execute();
    }

    private List<CorrectedRecurring> flows(DSLContext dsl, PersonId person) {
        Map<String, List<RecurringCorrection>> byKey = new LinkedHashMap<>();
        for (RecurringCorrection correction : corrections(dsl, person)) {
            byKey.computeIfAbsent(correction.key(), key -> new ArrayList<>()).add(correction);
        }
        return byKey.entrySet().stream().map(entry -> new CorrectedRecurring(entry.getKey(), entry.getValue())).toList();
    }

    private List<RecurringCorrection> corrections(DSLContext dsl, PersonId person) {
        return dsl.select(CORRECTION_NUMBER, RECORDED_AT, SEALED_CORRECTION).from(RECURRING_CORRECTIONS)
                .where(PERSON_ID.eq(person.value())).orderBy(CORRECTION_NUMBER)
                .fetch(row -> opened(keyEncryptionKey.open(row.value3(),
                        AssociatedData.recurringCorrection(person, row.value1())), Instant.ofEpochMilli(row.value2())));
    }

    /** The sealed part of a correction: everything but its time, as a small JSON object. */
    private static byte[] sealed(RecurringCorrection correction) {
        ObjectNode json = PayloadCodec.mapper().createObjectNode();
        json.put("key", correction.key());
        json.put("verdict", correction.verdict().term());
        correction.name().ifPresent(name -> json.put("name", name));
        return PayloadCodec.mapper().writeValueAsBytes(json);
    }

    private static RecurringCorrection opened(byte[] sealed, Instant at) {
        try {
            JsonNode json = PayloadCodec.mapper().readTree(sealed);
            return new RecurringCorrection(json.get("key").asString(),
                    RecurringVerdict.ofTerm(json.get("verdict").asString()).orElseThrow(),
                    Optional.ofNullable(json.get("name")).map(JsonNode::asString), at);
        }
        catch (RuntimeException e) {
            throw new SelfdataException(ErrorCode.VAULT_CORRUPT,
                    "a correction of a payment opened but is not one selfdata wrote", e);
        }
    }
}
