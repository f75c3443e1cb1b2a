package org.selfdata.server;

import org.selfdata.gate.Geography;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.PersonId;
import org.selfdata.model.TimeLimits;
import org.selfdata.services.RevealComparison;
import org.selfdata.services.RevealLens;
import org.selfdata.services.RevealedComparison;
import org.selfdata.texts.Language;
import org.selfdata.texts.Words;
import org.selfdata.vault.People;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a recipient could work out from what it would receive, beside the person's exact data, for the terms asked and
 * for the terms the declaration justifies: the {@code reveals} of the consent page's offer and the Sharing page's
 * preview. Each column says which terms it is for ({@code "for": ["asked"]}, {@code ["justified"]}, or both when they
 * are the same terms, then in one column).
 *
 * <p>Terms that cover data only from the grant on would receive nothing yet; they are shown on the person's data of
 * the same length as the grant's validity just past, a stand-in for what the recipient would receive over it
 * ({@code "standIn": true}). Worked out on the person's data in the vault; nothing of it leaves, nothing is logged.
 */
final class RevealComparisonJson {
    private final RevealComparison comparison;
    private final People people;
    private final Geography geography;

    RevealComparisonJson(RevealComparison comparison, People people, Geography geography) {
        this.comparison = requireNonNull(comparison, "comparison is null");
        this.people = requireNonNull(people, "people is null");
        this.geography = requireNonNull(geography, "geography is null");
    }

    /** A column of terms, and which terms it is for. */
    private record Column(List<String> terms, GrantTerms granted) {}

    /** Writes the columns for the terms asked and those justified, if any, into {@code json.reveals}. */
    void write(ObjectNode json, PersonId person, GrantTerms asked, Optional<GrantTerms> justified, Instant now,
            Language language) {
        List<Column> columns = new ArrayList<>();
        if (justified.isPresent() && justified.get().equals(asked)) {
            columns.add(new Column(List.of("asked", "justified"), asked));
        }
        else {
            columns.add(new Column(List.of("asked"), asked));
            justified.ifPresent(terms -> columns.add(new Column(List.of("justified"), terms)));
        }
        // Terms at a precision the gate cannot honour here (communes without the operator's list) are refused by the
        // consent check already: there is nothing they would let through to work anything out from.
        columns.removeIf(column -> !geography.supports(column.granted().precision().location()));
        ZoneId zone = people.get(person).zone();
        List<RevealedComparison> compared = comparison.compare(person, zone, columns.stream()
                .map(column -> RevealLens.terms(column.granted(), givenAt(column.granted(), now))).toList());
        Words words = Words.of(language);
        ArrayNode written = json.putObject("reveals").putArray("columns");
        for (int index = 0; index < columns.size(); index++) {
            ObjectNode column = written.addObject();
            ArrayNode terms = column.putArray("for");
            columns.get(index).terms().forEach(terms::add);
            GrantTerms granted = columns.get(index).granted();
            column.putObject("precision").put("location", granted.precision().location().term())
                    .put("time", granted.precision().time().term());
            column.put("covered", granted.covered().term());
            column.put("standIn", granted.covered() instanceof CoveredPeriod.FromGrant);
            write(column, compared.get(index), words);
        }
    }

    /** What a comparison says: its figures, and what could and could not be found, in the reader's words. */
    static void write(ObjectNode json, RevealedComparison compared, Words words) {
        json.put("locations", compared.locations());
        json.put("positionsReceived", compared.received());
        write(json.putObject("home"), compared.home());
        write(json.putObject("study"), compared.study());
        json.putObject("regularPlaces").put("found", compared.regularPlaces()).put("toldApart", compared.toldApart());
        json.put("routineVisible", compared.routineVisible());
        compared.nightsArea().ifPresent(area -> json.put("nightsArea", area));
        ArrayNode sources = json.putArray("sources");
        for (RevealedComparison.Source source : compared.sources()) {
            ObjectNode written = sources.addObject().put("source", source.source().term()).put("records", source.records());
            ArrayNode found = written.putArray("found");
            source.received().forEach(kind -> found.add(kind.term()));
            ArrayNode missed = written.putArray("missed");
            source.missed().forEach(kind -> missed.add(kind.term()));
        }
        ArrayNode finds = json.putArray("finds");
        compared.finds().forEach(find -> finds.add(words.say(find)));
        ArrayNode cannotFind = json.putArray("cannotFind");
        compared.cannotFind().forEach(missed -> cannotFind.add(words.say(missed)));
    }

    private static void write(ObjectNode json, RevealedComparison.Place place) {
        json.put("found", place.found());
        place.metresFromExact().ifPresent(metres -> json.put("metresFromExact", metres));
        if (place.found()) {
            json.put("withinMetres", place.withinMetres());
        }
    }

    /**
     * When the terms count as given: now, or, for data from the grant on, as long before now as they last, and no
     * earlier than the earliest time selfdata holds.
     */
    private static Instant givenAt(GrantTerms terms, Instant now) {
        if (!(terms.covered() instanceof CoveredPeriod.FromGrant)) {
            return now;
        }
        Duration validity = Duration.between(terms.validFrom(), terms.validUntil());
        return validity.compareTo(Duration.between(TimeLimits.START, now)) >= 0 ? TimeLimits.START : now.minus(validity);
    }
}
