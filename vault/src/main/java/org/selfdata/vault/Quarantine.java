package org.selfdata.vault;

import org.jooq.DSLContext;
import org.selfdata.model.BatchId;
import org.selfdata.model.PersonId;
import org.selfdata.model.Rejection;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

import static org.selfdata.vault.VaultTables.BATCH_ID;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.REJECTS;
import static org.selfdata.vault.VaultTables.REJECT_NUMBER;
import static org.selfdata.vault.VaultTables.REJECT_TEXT;
import static org.selfdata.vault.VaultTables.SEALED;

/**
 * A batch's quarantine: the records its import rejected, each sealed (position and reason, in an {@link Envelope}, and
 * the record's text apart) under the batch's source key and bound to person, batch and number, so that erasing the
 * source shreds them too.
 *
 * <p>Each rejection carries a fingerprint, the source's keyed PRF over position, reason and text: importing the same
 * file again meets the same rejections, which the unique index then keeps once, and the batch counts as already
 * rejected.
 */
final class Quarantine {
    static final String INSERT = "INSERT INTO rejects (person_id, batch_id, reject_number, sealed, text, fingerprint) "
            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private Quarantine() {}

    static SealedReject seal(PersonId person, BatchId batch, long number, Rejection rejection, SourceKeys keys) {
        byte[] envelope = Envelope.wrap(rejection.position(), QuarantineReasons.encode(rejection));
        Optional<byte[]> text = rejection.text().map(kept -> keys.seal(kept.getBytes(StandardCharsets.UTF_8),
                AssociatedData.rejectText(person, batch, number)));
        return new SealedReject(number, keys.seal(envelope, AssociatedData.reject(person, batch, number)), text,
                keys.fingerprint(canonical(rejection)));
    }

    /** Position, reason and text, each with its length in front, so that no two rejections give the same bytes. */
    private static byte[] canonical(Rejection rejection) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String part : List.of(rejection.position().value(), rejection.reason(), rejection.text().orElse(""))) {
                byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
            out.writeBoolean(rejection.text().isPresent());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void bind(PreparedStatement insert, PersonId person, BatchId batch, SealedReject reject) throws SQLException {
        insert.setLong(1, person.value());
        insert.setLong(2, batch.value());
        insert.setLong(3, reject.number());
        insert.setBytes(4, reject.sealed());
        if (reject.text().isPresent()) {
            insert.setBytes(5, reject.text().get());
        }
        else {
            insert.setNull(5, Types.BINARY);
        }
        insert.setLong(6, reject.fingerprint());
    }

    static List<QuarantinedRecord> read(DSLContext dsl, PersonId person, BatchId batch, SourceKeys keys, long after,
            int limit) {
        return dsl.select(REJECT_NUMBER, SEALED, REJECT_TEXT).from(REJECTS)
                .where(PERSON_ID.eq(person.value()).and(BATCH_ID.eq(batch.value())).and(REJECT_NUMBER.gt(after)))
                .orderBy(REJECT_NUMBER).limit(limit)
                .fetch(row -> {
                    long number = row.get(REJECT_NUMBER);
                    Envelope.Opened opened = Envelope.unwrap(keys.open(row.get(SEALED),
                            AssociatedData.reject(person, batch, number)));
                    Optional<String> text = Optional.ofNullable(row.get(REJECT_TEXT)).map(sealed -> new String(
                            keys.open(sealed, AssociatedData.rejectText(person, batch, number)), StandardCharsets.UTF_8));
                    return new QuarantinedRecord(number, withText(
                            QuarantineReasons.decode(opened.position(), opened.payloadJson()), text));
                });
    }

    private static Rejection withText(Rejection rejection, Optional<String> text) {
        return text.map(rejection::withText).orElse(rejection);
    }
}
