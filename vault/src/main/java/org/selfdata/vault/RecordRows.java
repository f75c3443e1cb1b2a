package org.selfdata.vault;

import org.selfdata.model.BatchId;
import org.selfdata.model.Category;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceId;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The plain JDBC statements of the bulk paths. An import's person, source, batch and version are the same for every
 * row, and its type and category change rarely, so they are written into the statement (numbers the vault made and
 * terms from its registries, never input) and each row binds only what varies: through the SQLite driver, binding a
 * column costs about as much as SQLite's own work for it.
 */
final class RecordRows {
    private RecordRows() {}

    /**
     * The insert for one batch's rows of one type and category: files hold one or two kinds of record, so a handful of
     * these statements serve a whole import. Type ids and category terms come from selfdata's own registries.
     */
    static String insertForBatch(PersonId person, SourceId source, BatchId batch, RecordType type, Category category) {
        return "INSERT INTO records (person_id, type, time_start, record_number, source_id, batch_id, category, time_end, "
                + "fingerprint, occurrence, version, payload) VALUES (" + person.value() + ", '" + type.id() + "', ?, ?, "
                + source.value() + ", " + batch.value() + ", '" + category.term() + "', ?, ?, ?, 1, ?) ON CONFLICT DO NOTHING";
    }

    static void bindForBatch(PreparedStatement insert, SealedRow row) throws SQLException {
        insert.setLong(1, row.id().startMillis());
        insert.setLong(2, row.id().number());
        insert.setLong(3, row.endMillis());
        insert.setLong(4, row.fingerprint());
        insert.setInt(5, row.occurrence());
        insert.setBytes(6, row.sealedEnvelope());
    }

    static final String INSERT_ANY = "INSERT INTO records (person_id, type, time_start, record_number, source_id, batch_id, "
            + "category, time_end, fingerprint, occurrence, version, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Whether one row of a batch was written; the driver must say, or duplicates could not be told from additions. */
    static boolean written(int count) {
        if (count == Statement.SUCCESS_NO_INFO || count == Statement.EXECUTE_FAILED) {
            throw new SelfdataException(ErrorCode.INTERNAL, "the database driver did not report which rows it wrote");
        }
        return count > 0;
    }
}
