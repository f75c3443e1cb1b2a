package org.selfdata.portability;

import org.selfdata.model.BatchId;
import org.selfdata.model.Category;
import org.selfdata.model.Payload;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.Position;
import org.selfdata.model.Provenance;
import org.selfdata.model.RecordHistory;
import org.selfdata.model.RecordJson;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordTime;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceId;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;
import tools.jackson.core.JsonGenerator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;


/**
 * A record as one line of {@code records/<type>.jsonl}: its id number, type, category, time, provenance, occurrence
 * and version, its payload as the vault's canonical JSON, byte for byte, and its earlier versions when it was
 * rectified.
 */
final class RecordLines {
    private static final Set<String> FIELDS = Set.of("id", "type", "category", "start", "end", "source", "batch", "position",
            "occurrence", "version", "payload", "history");
    private static final Set<String> EARLIER_FIELDS = Set.of("version", "category", "position", "payload", "supersededAt");

    private RecordLines() {}

    static void write(JsonGenerator json, StoredRecord record, List<RecordHistory.Superseded> earlier) {
        json.writeStartObject();
        RecordJson.writeProperties(json, record, RecordJson.Id.NUMBER);
        if (!earlier.isEmpty()) {
            json.writeName("history");
            json.writeStartArray();
            for (RecordHistory.Superseded superseded : earlier) {
                json.writeStartObject();
                json.writeNumberProperty("version", superseded.version().version());
                json.writeStringProperty("category", superseded.version().category().term());
                json.writeStringProperty("position", superseded.version().provenance().position().value());
                RecordJson.writePayload(json, superseded.version());
                json.writeStringProperty("supersededAt", superseded.supersededAt().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }


    /** Reads a record of the part's type with its earlier versions; the payloads are taken as they are, unchecked. */
    static RecordHistory read(JsonLine line, RecordType type) {
        line.allowOnly(FIELDS);
        if (!line.text("type").equals(type.id())) {
            throw line.invalid(Wording.of("error.portability.recordType", String.valueOf(type)));
        }
        RecordTime time = time(line);
        long number = line.number("id");
        long source = line.number("source");
        long batch = line.number("batch");
        String position = line.text("position");
        Category category = category(line);
        int occurrence = line.positiveInt("occurrence");
        int version = line.positiveInt("version");
        byte[] payload = line.object("payload");
        StoredRecord current = line.built(() -> new StoredRecord(new RecordId(type, RecordId.startMillis(time), number), category,
                time, new Provenance(SourceId.of(source), BatchId.of(batch), new Position(position)),
                occurrence, version, payload));
        List<RecordHistory.Superseded> earlier = new ArrayList<>();
        for (JsonLine superseded : line.objects("history")) {
            earlier.add(earlier(superseded, current));
        }
        return new RecordHistory(current, earlier);
    }

    /** A record's start and end, or neither where the record has no time. */
    private static RecordTime time(JsonLine line) {
        if (line.has("start") != line.has("end")) {
            throw line.invalid(Wording.of("error.portability.timeHalf"));
        }
        if (!line.has("start")) {
            return RecordTime.untimed();
        }
        Instant start = line.instant("start");
        Instant end = line.instant("end");
        if (end.isBefore(start)) {
            throw line.invalid(Wording.of("error.portability.endBeforeStart"));
        }
        return TimeSpan.between(start, end);
    }

    private static RecordHistory.Superseded earlier(JsonLine line, StoredRecord current) {
        line.allowOnly(EARLIER_FIELDS);
        String position = line.text("position");
        Category category = category(line);
        int version = line.positiveInt("version");
        byte[] payload = line.object("payload");
        Instant supersededAt = line.instant("supersededAt");
        StoredRecord earlier = line.built(() -> new StoredRecord(current.id(), category, current.time(),
                new Provenance(current.provenance().source(), current.provenance().batch(), new Position(position)),
                current.occurrence(), version, payload));
        return new RecordHistory.Superseded(earlier, supersededAt);
    }

    private static Category category(JsonLine line) {
        try {
            return Category.fromTerm(line.text("category"));
        }
        catch (SelfdataException e) {
            throw line.invalid(Wording.of("error.portability.category"));
        }
    }

    /**
     * Checks what {@link #read} takes unchecked: every payload decodes as its type's, and is already in canonical form,
     * since fingerprints and the next export's bytes are computed from it; and versions only go up.
     */
    static void check(JsonLine line, RecordHistory record) {
        int previous = 0;
        for (RecordHistory.Superseded superseded : record.earlier()) {
            checkPayload(line, superseded.version());
            if (superseded.version().version() <= previous) {
                throw line.invalid(Wording.of("error.portability.historyOrder"));
            }
            previous = superseded.version().version();
        }
        if (record.current().version() <= previous) {
            throw line.invalid(Wording.of("error.portability.versionAboveHistory"));
        }
        checkPayload(line, record.current());
    }

    private static void checkPayload(JsonLine line, StoredRecord record) {
        Payload payload;
        try {
            payload = PayloadCodec.decode(record.type(), record.payloadJson());
        }
        catch (SelfdataException e) {
            throw line.invalid(e);
        }
        if (!Arrays.equals(PayloadCodec.encode(payload), record.payloadJson())) {
            throw line.invalid(Wording.of("error.portability.payloadNotCanonical", String.valueOf(record.type()),
                    String.valueOf(record.version())));
        }
    }
}
