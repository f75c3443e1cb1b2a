package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.gate.Gate;
import org.selfdata.model.Person;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.services.Timeline;
import org.selfdata.services.TimelineCounts;
import org.selfdata.services.TimelinePeriod;
import org.selfdata.services.TimelineQuery;
import org.selfdata.services.TimelineStep;
import org.selfdata.vault.People;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/v1/timeline}: how many records of each type the owner has per day, week or month, in their own time
 * zone. Counts only, never a record: the explore page draws it before it fetches any record.
 */
final class TimelineRoutes implements HttpService {
    private static final List<String> PARAMETERS = List.of("from", "to", "step", "type");

    private final Timeline timeline;
    private final People people;

    record PeriodJson(LocalDate start, Map<String, Long> counts) {}

    record TimelineJson(String step, String zone, List<PeriodJson> steps) {}

    TimelineRoutes(Gate gate, People people) {
        this.timeline = new Timeline(requireNonNull(gate, "gate is null"));
        this.people = requireNonNull(people, "people is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/timeline", this::timeline);
    }

    private void timeline(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx.queryParamMap(), PARAMETERS);
        Optional<LocalDate> from = parameters.day("from");
        Optional<LocalDate> to = parameters.day("to");
        Optional<TimelineStep> step = parameters.single("step").map(TimelineStep::fromTerm);
        TimelineQuery query = new TimelineQuery(from, to, step, types(ctx.queryParamMap().getOrDefault("type", List.of())));
        Person person = people.get(OwnerGuard.signedIn(ctx).person());
        TimelineCounts counts = timeline.count(person, query);
        ctx.json(new TimelineJson(counts.step().term(), counts.zone().getId(),
                counts.periods().stream().map(TimelineRoutes::period).toList()));
    }

    private static PeriodJson period(TimelinePeriod period) {
        Map<String, Long> counts = new LinkedHashMap<>();
        period.counts().forEach((type, count) -> counts.put(type.id(), count));
        return new PeriodJson(period.start(), counts);
    }

    private static Set<RecordType> types(List<String> values) {
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        for (String value : values) {
            try {
                types.add(RecordType.fromId(value));
            }
            catch (SelfdataException e) {
                throw QueryParameters.refused("type", e);
            }
        }
        return types;
    }
}
