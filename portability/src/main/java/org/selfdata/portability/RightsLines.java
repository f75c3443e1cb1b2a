package org.selfdata.portability;

import org.selfdata.texts.Wording;
import org.selfdata.vault.RightsRequests;
import tools.jackson.core.JsonGenerator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The rights desk's requests as lines of {@code rights-requests.jsonl}, each with its steps in order and the documents
 * of each step (id, SHA-256, media type, size), and the documents' bytes as lines of {@code rights-documents.jsonl}, in
 * base64. A request's details and a step's details are the desk's JSON, written as the strings they are, opened.
 */
final class RightsLines {
    private static final Set<String> REQUEST_FIELDS = Set.of("id", "createdAt", "details", "steps");
    private static final Set<String> STEP_FIELDS = Set.of("index", "recordedAt", "status", "details", "documents");
    private static final Set<String> LISTED_FIELDS = Set.of("id", "sha256", "mediaType", "size");
    private static final Set<String> DOCUMENT_FIELDS = Set.of("id", "request", "step", "content");

    private RightsLines() {}

    /** A document's bytes as the archive holds them, with the request and the step that list it. */
    record Document(String id, String request, int step, byte[] content) {}

    static void write(JsonGenerator json, RightsRequests.KeptRequest request) {
        json.writeStartObject();
        json.writeStringProperty("id", request.id());
        json.writeStringProperty("createdAt", request.createdAt().toString());
        json.writeStringProperty("details", request.details());
        json.writeName("steps");
        json.writeStartArray();
        for (RightsRequests.StoredEvent event : request.events()) {
            json.writeStartObject();
            json.writeNumberProperty("index", event.index());
            json.writeStringProperty("recordedAt", event.recordedAt().toString());
            json.writeStringProperty("status", event.status());
            json.writeStringProperty("details", event.details());
            json.writeName("documents");
            json.writeStartArray();
            for (RightsRequests.StoredDocument document : event.documents()) {
                json.writeStartObject();
                json.writeStringProperty("id", document.id());
                json.writeStringProperty("sha256", document.sha256());
                json.writeStringProperty("mediaType", document.mediaType());
                json.writeNumberProperty("size", document.size());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    static void write(JsonGenerator json, RightsRequests.OpenedDocument document) {
        json.writeStartObject();
        json.writeStringProperty("id", document.document().id());
        json.writeStringProperty("request", document.request());
        json.writeNumberProperty("step", document.event());
        json.writeBinaryProperty("content", document.content());
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** Reads a request, refusing one the vault would not have kept, with a message that names the line. */
    static RightsRequests.KeptRequest request(JsonLine line) {
        line.allowOnly(REQUEST_FIELDS);
        String id = line.text("id");
        Instant createdAt = line.instant("createdAt");
        String details = line.text("details");
        List<RightsRequests.StoredEvent> steps = new ArrayList<>();
        for (JsonLine step : line.objects("steps")) {
            steps.add(step(step, id));
        }
        return line.built(() -> {
            RightsRequests.KeptRequest request = new RightsRequests.KeptRequest(id, createdAt, details, steps);
            RightsRequests.check(request);
            return request;
        });
    }

    private static RightsRequests.StoredEvent step(JsonLine step, String request) {
        step.allowOnly(STEP_FIELDS);
        int index = index(step, "index");
        Instant recordedAt = step.instant("recordedAt");
        String status = step.text("status");
        String details = step.text("details");
        List<RightsRequests.StoredDocument> documents = new ArrayList<>();
        for (JsonLine listed : step.objects("documents")) {
            listed.allowOnly(LISTED_FIELDS);
            documents.add(new RightsRequests.StoredDocument(listed.text("id"), listed.text("sha256"),
                    listed.text("mediaType"), listed.number("size")));
        }
        return new RightsRequests.StoredEvent(request, index, recordedAt, status, details, documents);
    }

    private static int index(JsonLine line, String name) {
        long index = line.number(name);
        if (index < 0 || index > Integer.MAX_VALUE) {
            throw line.invalid(Wording.of("error.portability.fieldIndex", name, Integer.toString(Integer.MAX_VALUE)));
        }
        return (int) index;
    }

    static Document document(JsonLine line) {
        line.allowOnly(DOCUMENT_FIELDS);
        String id = line.text("id");
        String request = line.text("request");
        int step = index(line, "step");
        String content = line.text("content");
        try {
            return new Document(id, request, step, Base64.getDecoder().decode(content));
        }
        catch (IllegalArgumentException e) {
            throw line.invalid(Wording.of("error.portability.fieldBase64", "content"));
        }
    }
}
