package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.gate.Gate;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.RecordHistory;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.texts.Wording;
import org.selfdata.vault.People;
import tools.jackson.core.JsonGenerator;

import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The owner's records, always read through the gate: a page of them, a page of those holding some words, one by id,
 * and one with its history.
 *
 * <p>A page is streamed: records are written as the gate yields them, so a page of a thousand location points never
 * sits whole in memory. The query is checked and the read begun before the first byte goes out, so a bad parameter or
 * an unavailable vault still gets a proper problem response. A search's records are sent as they are found, since the
 * gate may open many records between two that hold the words.
 */
final class RecordRoutes implements HttpService {
    private final Gate gate;
    private final People people;

    RecordRoutes(Gate gate, People people) {
        this.gate = requireNonNull(gate, "gate is null");
        this.people = requireNonNull(people, "people is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/records", this::page);
        // Before the record by id, so that "search" is not taken for a record's id.
        routes.get("/api/v1/records/search", this::search);
        routes.get("/api/v1/records/{id}", this::record);
        routes.get("/api/v1/records/{id}/history", this::history);
    }

    private void page(Context ctx) {
        SignedIn owner = OwnerGuard.signedIn(ctx);
        RecordQuery query = RecordQueryParameters.parse(ctx.queryParamMap(), people.get(owner.person()).zone());
        try (Stream<StoredRecord> records = gate.records(owner.accessor(), query)) {
            write(ctx, records, query.limit(), false);
        }
    }

    private void search(Context ctx) {
        SignedIn owner = OwnerGuard.signedIn(ctx);
        RecordQueryParameters.RecordSearch search = RecordQueryParameters.parseSearch(ctx.queryParamMap(),
                people.get(owner.person()).zone());
        try (Stream<StoredRecord> found = gate.search(owner.accessor(), search.query(), search.words())) {
            write(ctx, found, search.query().limit(), true);
        }
    }

    /**
     * Writes a page as {@code {"records": [...], "next": "..."}}, {@code next} present when the page is full.
     *
     * @param asFound whether to send each record as soon as it is written, rather than as the response's buffer fills
     */
    private static void write(Context ctx, Stream<StoredRecord> records, int limit, boolean asFound) {
        Iterator<StoredRecord> page = records.iterator();
        ctx.contentType(ApiJson.MEDIA_TYPE);
        try (JsonGenerator json = ApiJson.generator(ctx.outputStream())) {
            json.writeStartObject();
            json.writeName("records");
            json.writeStartArray();
            Optional<StoredRecord> last = Optional.empty();
            int count = 0;
            while (page.hasNext()) {
                StoredRecord record = page.next();
                RecordJson.write(json, record);
                if (asFound) {
                    json.flush();
                }
                last = Optional.of(record);
                count++;
            }
            json.writeEndArray();
            if (count == limit && last.isPresent()) {
                json.writeStringProperty("next", last.get().id().token());
            }
            json.writeEndObject();
        }
    }

    private void record(Context ctx) {
        RecordId id = recordId(ctx);
        StoredRecord record = gate.record(OwnerGuard.signedIn(ctx).accessor(), id).orElseThrow(() -> notFound(id));
        ctx.contentType(ApiJson.MEDIA_TYPE);
        try (JsonGenerator json = ApiJson.generator(ctx.outputStream())) {
            RecordJson.write(json, record);
        }
    }

    private void history(Context ctx) {
        RecordHistory history = gate.history(OwnerGuard.signedIn(ctx).accessor(), recordId(ctx));
        ctx.contentType(ApiJson.MEDIA_TYPE);
        try (JsonGenerator json = ApiJson.generator(ctx.outputStream())) {
            json.writeStartObject();
            json.writeName("versions");
            json.writeStartArray();
            for (RecordHistory.Superseded earlier : history.earlier()) {
                RecordJson.write(json, earlier);
            }
            RecordJson.write(json, history.current());
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static RecordId recordId(Context ctx) {
        try {
            return RecordId.fromToken(ctx.pathParam("id"));
        }
        catch (SelfdataException e) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.server.noRecord"));
        }
    }

    private static SelfdataException notFound(RecordId id) {
        return new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.server.noRecordId", id.token()));
    }
}
