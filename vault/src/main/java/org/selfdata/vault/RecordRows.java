package org.selfdata.vault;

import org.selfdata.model.BatchId;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordId;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceId;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Binding record rows to the plain JDBC statements of the bulk paths (import and restore). */
final class RecordRows {
    private RecordRows() {}

    static void bindInsert(PreparedStatement insert, PersonId person, RecordId id, SourceId source, BatchId batch, RecordDraft draft,
            byte[] fingerprint, int occurrence, int version, byte[] sealedPayload) throws SQLException {
        insert.setLong(1, person.value());
        insert.setLong(2, id.value());
        insert.setLong(3, source.value());
        insert.setLong(4, batch.value());
        insert.setString(5, draft.type().id());
        insert.setString(6, draft.category().term());
        insert.setLong(7, draft.time().startMillis());
        insert.setLong(8, draft.time().endMillis());
        insert.setString(9, draft.position().value());
        insert.setBytes(10, fingerprint);
        insert.setInt(11, occurrence);
        insert.setInt(12, version);
        insert.setBytes(13, sealedPayload);
    }

    /** How many rows of a batch were written; the others met a record the vault already held. */
    static long inserted(int[] counts) {
        long inserted = 0;
        for (int count : counts) {
            if (count == Statement.SUCCESS_NO_INFO || count == Statement.EXECUTE_FAILED) {
                // Without per-row counts duplicates could not be told from additions; the driver must report them.
                throw new SelfdataException(ErrorCode.INTERNAL, "the database driver did not report how many rows it wrote");
            }
            inserted += count;
        }
        return inserted;
    }
}
