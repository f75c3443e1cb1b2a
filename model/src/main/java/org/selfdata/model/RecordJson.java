package org.selfdata.model;

import tools.jackson.core.JsonGenerator;

/**
 * The JSON properties of a record, the same wherever a record is written out: the API, the command line and the
 * export archive. A record without a time has neither {@code start} nor {@code end}. The payload is the vault's
 * canonical JSON, copied in as its bytes.
 */
public final class RecordJson {
    /** How a record's id is written: the opaque token that finds it again, or the number an archive keeps. */
    public enum Id {
        TOKEN,
        NUMBER
    }

    private RecordJson() {}

    /** Writes a record's properties into the object the generator is in, in a fixed order, the payload last. */
    public static void writeProperties(JsonGenerator json, StoredRecord record, Id id) {
        switch (id) {
            case TOKEN -> json.writeStringProperty("id", record.id().token());
            case NUMBER -> json.writeNumberProperty("id", record.id().number());
        }
        json.writeStringProperty("type", record.type().id());
        json.writeStringProperty("category", record.category().term());
        writeTime(json, record.time());
        json.writeNumberProperty("source", record.provenance().source().value());
        json.writeNumberProperty("batch", record.provenance().batch().value());
        json.writeStringProperty("position", record.provenance().position().value());
        json.writeNumberProperty("occurrence", record.occurrence());
        json.writeNumberProperty("version", record.version());
        writePayload(json, record);
    }

    /** A record without a time has no start and no end: never a made-up instant such as 1970. */
    private static void writeTime(JsonGenerator json, RecordTime time) {
        switch (time) {
            case TimeSpan span -> {
                json.writeStringProperty("start", span.start().toString());
                json.writeStringProperty("end", span.end().toString());
            }
            case RecordTime.Untimed untimed -> {
                // Neither property: the record has no time.
            }
        }
    }

    public static void writePayload(JsonGenerator json, StoredRecord record) {
        json.writeName("payload");
        json.writeRawValue(new RawJson(record.payloadJson()));
    }
}
