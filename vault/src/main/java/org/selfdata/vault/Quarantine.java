package org.selfdata.vault;

import org.jooq.DSLContext;
import org.selfdata.model.BatchId;
import org.selfdata.model.PersonId;
import org.selfdata.model.Rejection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static org.selfdata.vault.VaultTables.BATCH_ID;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.REJECTS;
import static org.selfdata.vault.VaultTables.REJECT_NUMBER;
import static org.selfdata.vault.VaultTables.SEALED;

/**
 * A batch's quarantine: the records its import rejected, each sealed (position and reason, in an {@link Envelope},
 * the reason as {@link QuarantineReasons} keeps it)
 * under the batch's source key and bound to person, batch and number, so that erasing the source shreds them too.
 */
final class Quarantine {
    static final String INSERT = "INSERT INTO rejects (person_id, batch_id, reject_number, sealed) VALUES (?, ?, ?, ?)";

    private Quarantine() {}

    static SealedReject seal(PersonId person, BatchId batch, long number, Rejection rejection, SourceKeys keys) {
        byte[] envelope = Envelope.wrap(rejection.position(), QuarantineReasons.encode(rejection));
        return new SealedReject(number, keys.seal(envelope, AssociatedData.reject(person, batch, number)));
    }

    static void bind(PreparedStatement insert, PersonId person, BatchId batch, SealedReject reject) throws SQLException {
        insert.setLong(1, person.value());
        insert.setLong(2, batch.value());
        insert.setLong(3, reject.number());
        insert.setBytes(4, reject.sealed());
    }

    static List<QuarantinedRecord> read(DSLContext dsl, PersonId person, BatchId batch, SourceKeys keys, long after,
            int limit) {
        return dsl.select(REJECT_NUMBER, SEALED).from(REJECTS)
                .where(PERSON_ID.eq(person.value()).and(BATCH_ID.eq(batch.value())).and(REJECT_NUMBER.gt(after)))
                .orderBy(REJECT_NUMBER).limit(limit)
                .fetch(row -> {
                    long number = row.get(REJECT_NUMBER);
                    Envelope.Opened opened = Envelope.unwrap(keys.open(row.get(SEALED),
                            AssociatedData.reject(person, batch, number)));
                    return new QuarantinedRecord(number, QuarantineReasons.decode(opened.position(), opened.payloadJson()));
                });
    }
}
