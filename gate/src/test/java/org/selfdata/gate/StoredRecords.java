package org.selfdata.gate;

import org.selfdata.model.BatchId;
import org.selfdata.model.Payload;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.Position;
import org.selfdata.model.Provenance;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SourceId;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/** Stored records built in memory, as the vault would hand them to the gate. */
final class StoredRecords {
    static final Instant START = Instant.parse("2025-03-14T11:42:05.123Z");
    static final Instant END = Instant.parse("2025-03-14T13:10:00Z");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final byte[] KEY = key(1);

    private StoredRecords() {}

    static StoredRecord at(Payload payload) {
        return stored(payload.type(), TimeSpan.at(START), PayloadCodec.encode(payload));
    }

    static StoredRecord during(Payload payload) {
        return stored(payload.type(), TimeSpan.between(START, END), PayloadCodec.encode(payload));
    }

    static StoredRecord stored(RecordType type, TimeSpan time, byte[] payloadJson) {
        return new StoredRecord(new RecordId(type, time.startMillis(), 7), type.defaultCategory(), time,
                new Provenance(SourceId.of(3), BatchId.of(5), Position.line(42)), 1, 1, payloadJson);
    }

    static StoredRecord raw(RecordType type, String payloadJson) {
        return stored(type, TimeSpan.at(START), payloadJson.getBytes(StandardCharsets.UTF_8));
    }

    /** The key 1, 2, ... 32 for {@code first} 1; every byte one more for each step of {@code first}. */
    static byte[] key(int first) {
        byte[] key = new byte[32];
        for (int index = 0; index < key.length; index++) {
            key[index] = (byte) (first + index);
        }
        return key;
    }

    static SharedRecordWriter writer(org.selfdata.model.Precision precision, String... named) {
        return new SharedRecordWriter(precision, Set.of(named), new Pseudonyms(KEY), Geography.bundled(), PARIS);
    }

    /** JSON written with single quotes, for legible expectations. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
