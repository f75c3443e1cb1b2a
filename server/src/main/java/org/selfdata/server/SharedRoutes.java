package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.gate.Pushed;
import org.selfdata.gate.SharedPage;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a recipient reaches with its token, and nothing more: the records its grant covers, at the grant's precision
 * ({@code GET /api/v1/shared/records}), the grant itself ({@code GET /api/v1/shared/grant}), and, under a write grant,
 * records pushed back into the person's vault ({@code POST /api/v1/shared/records}), the one route a token issued for an
 * organization's own credentials opens.
 *
 * <p>The gate narrows the query and transforms each record before it is written; this class only carries its
 * parameters in and its output out. Paging uses an opaque cursor: a record's own id would tell its exact time.
 */
final class SharedRoutes implements HttpService {
    private final Gate gate;
    private final JsonBodies bodies;
    private final Clock clock;

    SharedRoutes(Gate gate, JsonBodies bodies, Clock clock) {
        this.gate = requireNonNull(gate, "gate is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/shared/records", this::records, Access.RECIPIENT);
        routes.post("/api/v1/shared/records", this::push, Access.RECIPIENT, Access.PUSH);
        routes.get("/api/v1/shared/grant", this::grant, Access.RECIPIENT);
    }

    private void records(Context ctx) {
        Accessor.Recipient recipient = RecipientGuard.recipient(ctx);
        Map<String, List<String>> parameters = new HashMap<>(ctx.queryParamMap());
        List<String> after = Optional.ofNullable(parameters.remove("after")).orElse(List.of());
        if (after.size() > 1) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.server.parameterRepeated", "after", after.size()));
        }
        Optional<String> cursor = after.stream().findFirst();
        RecordQuery query = RecordQueryParameters.parse(parameters);
        ctx.contentType(ApiJson.MEDIA_TYPE);
        try (Gate.SharedRead read = gate.share(recipient, query, cursor);
             JsonGenerator json = ApiJson.generator(ctx.outputStream())) {
            json.writeStartObject();
            json.writeName("records");
            json.writeStartArray();
            SharedPage page = read.writeTo(json);
            json.writeEndArray();
            page.next().ifPresent(next -> json.writeStringProperty("next", next));
            json.writeEndObject();
        }
    }

    private void push(Context ctx) {
        Accessor.Recipient recipient = RecipientGuard.recipient(ctx);
        Pushed pushed = gate.push(recipient, PushedRecords.read(bodies.read(ctx)));
        ObjectNode json = ApiJson.mapper().createObjectNode();
        json.put("batch", pushed.batch().value());
        json.put("added", pushed.added());
        json.put("duplicates", pushed.duplicates());
        ctx.status(201).json(json);
    }

    private void grant(Context ctx) {
        ObjectNode json = ApiJson.mapper().createObjectNode();
        SharingJson.write(json, RecipientGuard.recipient(ctx).grant(), clock.instant());
        ctx.json(json);
    }
}
