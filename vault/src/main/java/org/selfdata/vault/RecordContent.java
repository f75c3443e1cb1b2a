package org.selfdata.vault;

import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordType;
import org.selfdata.model.TimeSpan;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What makes two records the same fact: type, time and payload. The category and the position in the file are
 * left out on purpose: the same transaction read from a later, overlapping export sits at another line and is
 * still the same transaction.
 */
final class RecordContent {
    private RecordContent() {}

    static byte[] canonical(RecordDraft draft, byte[] payloadJson) {
        return canonical(draft.type(), draft.time(), payloadJson);
    }

    static byte[] canonical(RecordType type, TimeSpan time, byte[] payloadJson) {
        byte[] typeId = type.id().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(typeId.length + 1 + 16 + payloadJson.length)
                .put(typeId).put((byte) 0)
                .putLong(time.startMillis())
                .putLong(time.endMillis())
                .put(payloadJson)
                .array();
    }
}
