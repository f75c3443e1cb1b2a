package org.selfdata.portability;

import org.selfdata.model.BatchId;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.Position;
import org.selfdata.model.Rejection;
import org.selfdata.model.Source;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.SourceId;
import org.selfdata.model.SourceKind;
import org.selfdata.texts.Wording;
import org.selfdata.vault.QuarantinedRecord;
import tools.jackson.core.JsonGenerator;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Sources, import batches and their quarantines as lines of {@code sources.jsonl}, {@code batches.jsonl} and
 * {@code rejects.jsonl}: every field they have, so that a restored vault tells where each record came from, and what
 * each import could not read, exactly as the exported one did.
 */
final class ProvenanceLines {
    private static final Set<String> SOURCE_FIELDS = Set.of("id", "kind", "organization", "label", "createdAt");
    private static final Set<String> BATCH_FIELDS = Set.of("id", "source", "format", "fileName", "startedAt", "finishedAt",
            "added", "duplicates", "rejected", "alreadyRejected");

    private static final Set<String> REJECT_FIELDS = Set.of("batch", "number", "position", "reason", "text");

    private ProvenanceLines() {}

    /** A batch's quarantined record: the batch, its number among the batch's rejections, its position and reason. */
    record Reject(BatchId batch, QuarantinedRecord reject) {}

    static void write(JsonGenerator json, Reject reject) {
        json.writeStartObject();
        json.writeNumberProperty("batch", reject.batch().value());
        json.writeNumberProperty("number", reject.reject().number());
        json.writeStringProperty("position", reject.reject().rejection().position().value());
        json.writeStringProperty("reason", reject.reject().rejection().reason());
        reject.reject().rejection().text().ifPresent(text -> json.writeStringProperty("text", text));
        json.writeEndObject();
        json.writeRaw('\n');
    }

    static Reject reject(JsonLine line) {
        line.allowOnly(REJECT_FIELDS);
        long batch = line.number("batch");
        long number = line.number("number");
        String position = line.text("position");
        String reason = line.text("reason");
        Optional<String> text = line.optionalText("text");
        if (number < 1) {
            throw line.invalid(Wording.of("error.portability.numberPositive"));
        }
        return line.built(() -> new Reject(BatchId.of(batch),
                new QuarantinedRecord(number, new Rejection(new Position(position), reason, Optional.empty(), text))));
    }

    static void write(JsonGenerator json, Source source) {
        json.writeStartObject();
        json.writeNumberProperty("id", source.id().value());
        json.writeStringProperty("kind", source.kind().name());
        json.writeStringProperty("organization", source.organization());
        json.writeStringProperty("label", source.label());
        json.writeStringProperty("createdAt", source.createdAt().toString());
        json.writeEndObject();
        json.writeRaw('\n');
    }

    static void write(JsonGenerator json, ImportBatch batch) {
        json.writeStartObject();
        json.writeNumberProperty("id", batch.id().value());
        json.writeNumberProperty("source", batch.source().value());
        json.writeStringProperty("format", batch.format());
        json.writeStringProperty("fileName", batch.fileName());
        json.writeStringProperty("startedAt", batch.startedAt().toString());
        json.writeStringProperty("finishedAt", batch.finishedAt().toString());
        json.writeNumberProperty("added", batch.added());
        json.writeNumberProperty("duplicates", batch.duplicates());
        json.writeNumberProperty("rejected", batch.rejected());
        if (batch.alreadyRejected() > 0) {
            json.writeNumberProperty("alreadyRejected", batch.alreadyRejected());
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    static Source source(JsonLine line) {
        line.allowOnly(SOURCE_FIELDS);
        long id = line.number("id");
        SourceKind kind = kind(line);
        String organization = line.text("organization");
        String label = line.text("label");
        Instant createdAt = line.instant("createdAt");
        return line.built(() -> new Source(SourceId.of(id), new SourceDescriptor(kind, organization, label), createdAt));
    }

    static ImportBatch batch(JsonLine line) {
        line.allowOnly(BATCH_FIELDS);
        long id = line.number("id");
        long source = line.number("source");
        String format = line.text("format");
        String fileName = line.text("fileName");
        Instant startedAt = line.instant("startedAt");
        Instant finishedAt = line.instant("finishedAt");
        long added = count(line, "added");
        long duplicates = count(line, "duplicates");
        long rejected = count(line, "rejected");
        long alreadyRejected = line.has("alreadyRejected") ? count(line, "alreadyRejected") : 0;
        return line.built(() -> new ImportBatch(BatchId.of(id), SourceId.of(source), format, fileName, startedAt, finishedAt,
                added, duplicates, rejected, alreadyRejected));
    }

    private static SourceKind kind(JsonLine line) {
        String kind = line.text("kind");
        return Arrays.stream(SourceKind.values()).filter(candidate -> candidate.name().equals(kind)).findFirst()
                .orElseThrow(() -> line.invalid(
                        Wording.of("error.portability.sourceKind", Arrays.toString(SourceKind.values()))));
    }

    private static long count(JsonLine line, String name) {
        long count = line.number(name);
        if (count < 0) {
            throw line.invalid(Wording.of("error.portability.fieldNegative", name));
        }
        return count;
    }
}
