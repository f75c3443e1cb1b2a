package org.selfdata.server;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

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
                throw invalid("unknown parameter '" + shortened(name) + "'; this takes " + String.join(", ", known));
            }
        }
        return new QueryParameters(parameters);
    }

    Optional<String> single(String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw invalid("parameter '" + name + "' is given " + values.size() + " times; give it once");
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
            default -> throw invalid("parameter '" + name + "' must be true or false");
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
        throw invalid("parameter '" + name + "' must be a whole number from " + minimum + " to " + maximum);
    }

    private static String shortened(String name) {
        return name.length() <= QUOTED_NAME_LENGTH ? name : name.substring(0, QUOTED_NAME_LENGTH) + "…";
    }

    private static SelfdataException invalid(String message) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
