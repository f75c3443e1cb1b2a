package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.PersonId;
import org.selfdata.services.RevealGrants;
import org.selfdata.services.RevealedGrant;
import org.selfdata.texts.Words;
import org.selfdata.vault.People;
import org.selfdata.vault.Recipients;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code /api/v1/reveal/grants}: for each read grant in force, what its recipient can work out from what it has
 * received so far, as the log tells, in plain words ({@link RevealGrants}). The owner's alone: a recipient's token
 * never reaches it, and nothing of it is shared.
 */
final class RevealGrantsRoutes implements HttpService {
    private final RevealGrants grants;
    private final People people;
    private final Recipients recipients;

    RevealGrantsRoutes(RevealGrants grants, People people, Recipients recipients) {
        this.grants = requireNonNull(grants, "grants is null");
        this.people = requireNonNull(people, "people is null");
        this.recipients = requireNonNull(recipients, "recipients is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/reveal/grants", this::grants);
    }

    /**
     * For each read grant in force: its recipient, purpose and precision, how many reads and records it received, and
     * what it can and cannot work out from them.
     */
    private void grants(Context ctx) {
        QueryParameters.of(ctx.queryParamMap(), List.of());
        PersonId person = OwnerGuard.signedIn(ctx).person();
        Words words = Words.of(Problems.language(ctx));
        ObjectNode json = ApiJson.mapper().createObjectNode();
        ArrayNode list = json.putArray("grants");
        for (RevealedGrant revealed : grants.active(person, people.get(person).zone())) {
            GrantTerms terms = revealed.grant().terms();
            ObjectNode grant = list.addObject();
            grant.put("grant", revealed.grant().id().value());
            grant.putObject("recipient").put("id", terms.recipient().value())
                    .put("name", recipients.get(terms.recipient()).identity().name());
            grant.put("purpose", terms.purpose().term());
            grant.put("purposeLabel", terms.purpose().label());
            grant.putObject("precision").put("location", terms.precision().location().term())
                    .put("time", terms.precision().time().term());
            grant.put("reads", revealed.reads().reads());
            grant.put("received", revealed.reads().records());
            RevealComparisonJson.write(grant, revealed.comparison(), words);
        }
        ctx.json(json);
    }
}
