package org.selfdata.server;

import org.selfdata.gate.SearchWords;
import org.selfdata.model.Category;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads {@code GET /api/v1/records}'s query string into a {@link RecordQuery}, and
 * {@code GET /api/v1/records/search}'s into the same query and the words it searches for.
 *
 * <p>Strictly: an unknown parameter is refused rather than ignored, since a misspelt filter that was dropped would
 * answer a question nobody asked. Every refusal names the parameter.
 */
final class RecordQueryParameters {
    static final int DEFAULT_LIMIT = 100;
    static final int MAXIMUM_LIMIT = 1000;

    private static final List<String> KNOWN = List.of("type", "category", "from", "to", "limit", "after");
    private static final List<String> SEARCH = List.of("q", "type", "category", "from", "to", "limit", "after");
    private static final int QUOTED_NAME_LENGTH = 40;

    /** What a search asks: the words, and the records it looks through. */
    record RecordSearch(SearchWords words, RecordQuery query) {}

    private RecordQueryParameters() {}

    /**
     * The owner's query: {@code from} and {@code to} are instants, or days from their start in the person's zone.
     */
    static RecordQuery parse(Map<String, List<String>> parameters, ZoneId zone) {
        requireKnown(parameters, KNOWN, "error.server.unknownRecordParameter");
        return parse(parameters, (name, value) -> TimeParameters.dayOrInstant(name, value, zone));
    }

    /** The owner's search: the words of {@code q}, which it needs, and the listing's filters and paging. */
    static RecordSearch parseSearch(Map<String, List<String>> parameters, ZoneId zone) {
        requireKnown(parameters, SEARCH, "error.server.unknownSearchParameter");
        String typed = single(parameters, "q").orElseThrow(() -> invalid(Wording.of("error.server.searchWordsMissing")));
        SearchWords words = parsed("q", typed, SearchWords::parse);
        return new RecordSearch(words, parse(parameters, (name, value) -> TimeParameters.dayOrInstant(name, value, zone)));
    }

    /**
     * A recipient's query: {@code from} and {@code to} are instants only, since a day would be read in the person's time
     * zone, which the recipient is not told.
     */
    static RecordQuery parse(Map<String, List<String>> parameters) {
        requireKnown(parameters, KNOWN, "error.server.unknownRecordParameter");
        return parse(parameters, TimeParameters::instant);
    }

    private static void requireKnown(Map<String, List<String>> parameters, List<String> known, String refusal) {
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                throw invalid(Wording.of(refusal, shortened(name)));
            }
        }
    }

    private static RecordQuery parse(Map<String, List<String>> parameters, BiFunction<String, String, Instant> time) {
        Set<RecordType> types = every(parameters, "type", RecordType::fromId);
        Set<Category> categories = every(parameters, "category", Category::fromTerm);
        Optional<Instant> from = single(parameters, "from").map(value -> time.apply("from", value));
        Optional<Instant> to = single(parameters, "to").map(value -> time.apply("to", value));
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw invalid(Wording.of("error.server.toBeforeFrom"));
        }
        int limit = single(parameters, "limit").map(RecordQueryParameters::limit).orElse(DEFAULT_LIMIT);
        Optional<RecordId> after = single(parameters, "after").map(value -> parsed("after", value, RecordId::fromToken));
        return new RecordQuery(types, categories, from, to, after, limit);
    }

    private static <T> Set<T> every(Map<String, List<String>> parameters, String name, Function<String, T> parser) {
        Set<T> values = new HashSet<>();
        for (String value : parameters.getOrDefault(name, List.of())) {
            values.add(parsed(name, value, parser));
        }
        return values;
    }

    private static Optional<String> single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw invalid(Wording.of("error.server.parameterRepeated", name, values.size()));
        }
        return values.stream().findFirst();
    }

    private static <T> T parsed(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        }
        catch (SelfdataException e) {
            throw QueryParameters.refused(name, e);
        }
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAXIMUM_LIMIT) {
                return limit;
            }
        }
        catch (NumberFormatException notANumber) {
            // Refused below, with the range.
        }
        throw invalid(Wording.of("error.server.parameterWholeNumber", "limit", "1", Integer.toString(MAXIMUM_LIMIT)));
    }

    private static String shortened(String name) {
        return name.length() <= QUOTED_NAME_LENGTH ? name : name.substring(0, QUOTED_NAME_LENGTH) + "…";
    }

    private static SelfdataException invalid(Wording message) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
