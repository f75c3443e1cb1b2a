package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.CorrectedRecurring;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecurringCorrection;
import org.selfdata.model.RecurringVerdict;
import org.selfdata.model.SelfdataException;
import org.selfdata.services.Recurring;
import org.selfdata.texts.Wording;
import org.selfdata.vault.People;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * {@code PUT /api/v1/money/recurring/{key}}: what the owner says of a payment or an income found coming back in their
 * bank lines, told by the key {@code GET /api/v1/money/recurring} gives it: {@code confirmed} (it comes back: shown as
 * sure), {@code ended} (it stopped: out of the forecast), {@code notRecurring} (set apart), each with their own name
 * for it or none, or {@code undo} (what they said before is taken back). Each correction is kept as a record of its own,
 * sealed, after the ones before, and answered with the flow's whole history. The owner's alone.
 */
final class RecurringCorrectionRoutes implements HttpService {
    private static final Set<String> FIELDS = Set.of("verdict", "name");

    private final Recurring recurring;
    private final People people;
    private final JsonBodies bodies;

    record HistoryJson(String verdict, Optional<String> name, Instant at) {}

    /** A flow the person corrected: what holds now, when it was said, and everything said of it before. */
    record CorrectedJson(String key, String verdict, Optional<String> name, Instant at, List<HistoryJson> history) {}

    RecurringCorrectionRoutes(Recurring recurring, People people, JsonBodies bodies) {
        this.recurring = requireNonNull(recurring, "recurring is null");
        this.people = requireNonNull(people, "people is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.put("/api/v1/money/recurring/{key}", this::correct);
    }

    /** Nothing is kept unless every field is right: the key, the verdict and the name together. */
    private void correct(Context ctx) {
        PersonId person = OwnerGuard.signedIn(ctx).person();
        String key = RecurringCorrection.requireKey(ctx.pathParam("key"));
        JsonNode body = bodies.read(ctx);
        if (!body.isObject() || body.propertyNames().stream().anyMatch(field -> !FIELDS.contains(field))) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("money.correction.fields"));
        }
        RecurringVerdict verdict = RecurringVerdict.given(JsonFields.optionalText(body, "verdict").orElse(""));
        Optional<String> name = JsonFields.optionalText(body, "name");
        ctx.json(corrected(recurring.correct(people.get(person), key, verdict, name)));
    }

    private static CorrectedJson corrected(CorrectedRecurring flow) {
        RecurringCorrection latest = flow.latest();
        return new CorrectedJson(flow.key(), latest.verdict().term(), latest.name(), latest.at(), flow.history().stream()
                .map(correction -> new HistoryJson(correction.verdict().term(), correction.name(), correction.at()))
                .toList());
    }
}
