package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecipientId;
import org.selfdata.rights.AnswerComparison;
import org.selfdata.rights.DeclaredAgainstObserved;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.Timeline;
import org.selfdata.texts.Words;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Declared against observed, the owner's only: what a request's answer shows set against what its organization,
 * when it is a recipient registered with selfdata, declared and was given under the person's grants.
 */
final class RightsComparisonRoutes implements HttpService {
    private final RightsDesk desk;
    private final AnswerComparison comparison;

    record DifferenceJson(String kind, String type, String text) {}

    /**
     * @param recipient the recipient the organization is, when one registered with selfdata bears its name
     * @param differences empty when there is no such recipient, no answer yet, or nothing beyond what was declared
     */
    record ComparisonJson(Optional<String> recipient, List<DifferenceJson> differences) {}

    RightsComparisonRoutes(RightsDesk desk, AnswerComparison comparison) {
        this.desk = requireNonNull(desk, "desk is null");
        this.comparison = requireNonNull(comparison, "comparison is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get(RightsRoutes.PATH + "/requests/{request}/comparison", this::compare);
    }

    private void compare(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        Timeline timeline = desk.request(owner, ctx.pathParam("request")).timeline();
        Optional<RecipientId> recipient = comparison.recipientNamed(timeline.request().organization().name());
        Words words = Words.of(Problems.language(ctx));
        List<DifferenceJson> differences = recipient.map(id -> comparison.compare(owner, timeline, id)).orElse(List.of())
                .stream().map(difference -> json(difference, words)).toList();
        ctx.json(new ComparisonJson(recipient.map(RecipientId::value), differences));
    }

    private static DifferenceJson json(DeclaredAgainstObserved.Difference difference, Words words) {
        return new DifferenceJson(difference.kind().term(), difference.type().id(), words.say(difference.wording()));
    }
}
