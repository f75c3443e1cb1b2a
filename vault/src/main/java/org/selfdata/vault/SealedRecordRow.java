package org.selfdata.vault;

import org.selfdata.model.RecordId;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A record's row as read, before its envelope is opened: read on one thread, opened on another. */
record SealedRecordRow(RecordId id, long source, long batch, String category, long endMillis, int occurrence, int version,
        byte[] sealedEnvelope) {
    /** Whole rows, for reads that open every record they scan. */
    static final TypeScan.Shape<SealedRecordRow> SHAPE = new TypeScan.Shape<>() {
        @Override
        public String columns() {
            return "source_id, batch_id, category, time_end, occurrence, version, payload";
        }

        @Override
        public SealedRecordRow row(RecordId id, ResultSet rows) throws SQLException {
            return new SealedRecordRow(id, rows.getLong(3), rows.getLong(4), rows.getString(5), rows.getLong(6),
                    rows.getInt(7), rows.getInt(8), rows.getBytes(9));
        }

        @Override
        public RecordId id(SealedRecordRow row) {
            return row.id();
        }
    };
}
