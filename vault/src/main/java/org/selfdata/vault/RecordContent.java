package org.selfdata.vault;

import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordType;
import org.selfdata.model.RecordTime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What makes two records the same fact: type, time and payload. A record without a time counts as starting and ending
 * at 0, as vaults before version 10 kept it (see {@link TimeColumns}). The category and the position in the file are
 * left out on purpose: the same transaction read from a later, overlapping export sits at another line and is
 * still the same transaction.
 */
final class RecordContent {
    private RecordContent() {}

    static byte[] canonical(RecordDraft draft, byte[] payloadJson) {
        return canonical(draft.type(), draft.time(), payloadJson);
    }

    static byte[] canonical(RecordType type, RecordTime time, byte[] payloadJson) {
        byte[] typeId = type.id().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(typeId.length + 1 + 16 + payloadJson.length)
                .put(typeId).put((byte) 0)
                .putLong(TimeColumns.sealedStartMillis(TimeColumns.startMillis(time)))
                .putLong(TimeColumns.sealedEndMillis(TimeColumns.endMillis(time)))
                .put(payloadJson)
                .array();
    }
}
