package org.selfdata.server;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A query string read strictly, for the routes besides the records' own: an unknown or repeated parameter is refused
 * rather than ignored, and every refusal names the parameter.
 */
final class QueryParameters {
    private static final int QUOTED_NAME_LENGTH = 40;

    private final Map<String, List<String>> parameters;

    private QueryParameters(Map<String, List<String>> parameters) {
        this.parameters = parameters;
    }

    /** @param known what the route reads, named in the refusal of any other parameter */
    static QueryParameters of(Map<String, List<String>> parameters, List<String> known) {
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                throw invalid(Wording.of("error.server.unknownParameter", shortened(name), String.join(", ", known)));
            }
        }
        return new QueryParameters(parameters);
    }

    Optional<String> single(String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw invalid(Wording.of("error.server.parameterRepeated", name, values.size()));
        }
        return values.stream().findFirst();
    }

    Optional<Instant> instant(String name) {
        return single(name).map(value -> TimeParameters.instant(name, value));
    }

    Optional<LocalDate> day(String name) {
        return single(name).map(value -> TimeParameters.day(name, value));
    }

    Optional<YearMonth> month(String name) {
        return single(name).map(value -> TimeParameters.month(name, value));
    }

    /** A day, from its start in the zone, or an instant. */
    Optional<Instant> dayOrInstant(String name, ZoneId zone) {
        return single(name).map(value -> TimeParameters.dayOrInstant(name, value, zone));
    }

    boolean flag(String name) {
        return single(name).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(Wording.of("error.server.parameterBoolean", name));
        }).orElse(false);
    }

    long wholeNumber(String name, long minimum, long maximum, long otherwise) {
        Optional<String> value = single(name);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            long number = Long.parseLong(value.get());
            if (number >= minimum && number <= maximum) {
                return number;
            }
        }
        catch (NumberFormatException notANumber) {
            // Refused below, with the range.
        }
        throw invalid(Wording.of("error.server.parameterWholeNumber", name, Long.toString(minimum), Long.toString(maximum)));
    }

    /** A parameter's name as a refusal quotes it: whole up to a bound, since a client may send a name of any length. */
    static String shortened(String name) {
        return name.length() <= QUOTED_NAME_LENGTH ? name : name.substring(0, QUOTED_NAME_LENGTH) + "…";
    }

    /**
     * The refusal of a parameter's value, naming the parameter before the reason its reader gave; the reason keeps its
     * wording, so that it is said in the caller's language too.
     */
    static SelfdataException refused(String name, SelfdataException reason) {
        return reason.wording()
                .map(inner -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.server.parameter", name, inner)))
                .orElseGet(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        "parameter '" + name + "': " + reason.getMessage()));
    }

    private static SelfdataException invalid(Wording message) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
