package org.selfdata.vault;

import org.selfdata.model.RecordId;

/** A record's row as read, before its envelope is opened: read on one thread, opened on another. */
record SealedRecordRow(RecordId id, long source, long batch, String category, long endMillis, int occurrence, int version,
        byte[] sealedEnvelope) {
    static final String COLUMNS =
            "time_start, record_number, source_id, batch_id, category, time_end, occurrence, version, payload";
}
