package org.selfdata.server;

import org.selfdata.model.InstantText;
import org.selfdata.model.RecordHistory;
import org.selfdata.model.StoredRecord;
import tools.jackson.core.JsonGenerator;

/**
 * Writes records as the API shows them. The payload is the vault's canonical JSON, copied in as it is.
 *
 * <p>A record's {@code id} is its opaque token: the same string finds it again and, as {@code after}, pages past it.
 */
final class RecordJson {
    private RecordJson() {}

    static void write(JsonGenerator json, StoredRecord record) {
        json.writeStartObject();
        writeProperties(json, record);
        json.writeEndObject();
    }

    /** An earlier version of a record, and when a rectification replaced it. */
    static void write(JsonGenerator json, RecordHistory.Superseded superseded) {
        json.writeStartObject();
        writeProperties(json, superseded.version());
        json.writeStringProperty("supersededAt", InstantText.of(superseded.supersededAt()));
        json.writeEndObject();
    }

    private static void writeProperties(JsonGenerator json, StoredRecord record) {
        org.selfdata.model.RecordJson.writeProperties(json, record, org.selfdata.model.RecordJson.Id.TOKEN);
    }
}
