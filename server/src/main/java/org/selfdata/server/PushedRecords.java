package org.selfdata.server;

import org.selfdata.model.Category;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Payload;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimeLimits;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The records an organization pushes back into a person's vault, read from
 * {@code {"records": [{"type", "start", "end"?, "category"?, "payload"}]}}: the same shape as the records the API
 * serves, without ids or provenance, which the vault gives. The whole push is read before anything is written, so a
 * bad record refuses the push with its position and nothing lands.
 */
final class PushedRecords {
    static final int MAXIMUM_RECORDS = 10_000;

    private PushedRecords() {}

    static List<RecordDraft> read(JsonNode body) {
        JsonNode records = body.get("records");
        if (records == null || !records.isArray() || records.isEmpty()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.pushNoRecords"));
        }
        if (records.size() > MAXIMUM_RECORDS) {
            throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.server.pushTooMany", MAXIMUM_RECORDS));
        }
        List<RecordDraft> drafts = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            drafts.add(read(records.get(index), "/records/" + index));
        }
        return drafts;
    }

    private static RecordDraft read(JsonNode record, String pointer) {
        try {
            if (!record.isObject()) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.server.pushNotObject"));
            }
            RecordType type = RecordType.fromId(JsonFields.text(record, "type"));
            Instant start = instant(JsonFields.text(record, "start"));
            Instant end = JsonFields.optionalText(record, "end").map(PushedRecords::instant).orElse(start);
            JsonNode payloadNode = record.get("payload");
            if (payloadNode == null || !payloadNode.isObject()) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.server.pushPayloadNotObject"));
            }
            Payload payload = PayloadCodec.decode(type, ApiJson.mapper().writeValueAsBytes(payloadNode));
            Category category = JsonFields.optionalText(record, "category").map(Category::fromTerm)
                    .orElse(type.defaultCategory());
            return new RecordDraft(TimeSpan.between(start, end), payload, category, Position.jsonPointer(pointer));
        }
        catch (SelfdataException e) {
            Wording reason = e.wording().orElseGet(() -> Wording.of("error.server.pushReason", e.getMessage()));
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.server.pushRecord", pointer, reason), e);
        }
    }

    private static Instant instant(String text) {
        return TimeLimits.instant(text).orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_INPUT,
                Wording.of("error.server.pushTime")));
    }
}
