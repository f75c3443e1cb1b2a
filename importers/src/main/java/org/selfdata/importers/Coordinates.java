package org.selfdata.importers;

import tools.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.selfdata.texts.Wording;

/**
 * The ways Google's location exports write a position, read into degrees.
 *
 * <ul>
 * <li>Takeout: integers in units of 10⁻⁷ degree ({@code latitudeE7}, {@code latE7}). Some exports overflowed them
 *     as unsigned 32-bit numbers, so a value above 1,800,000,000 (which no valid coordinate reaches) has 2³² taken
 *     off.</li>
 * <li>Android's on-device Timeline: text such as {@code "48.8566°, 2.3522°"}.</li>
 * <li>iOS's on-device Timeline: a geo URI such as {@code "geo:48.856600,2.352200"} (RFC 5870).</li>
 * </ul>
 * Ranges are checked by the payloads themselves, whose complaint names the field.
 */
record Coordinates(double latitude, double longitude) {
    private static final long OVERFLOW_THRESHOLD = 1_800_000_000L;
    private static final long TWO_TO_THE_32 = 1L << 32;
    private static final String DECIMAL = "([+-]?(?:\\d{1,3}(?:\\.\\d{1,15})?|\\.\\d{1,15}))";
    private static final Pattern DEGREES = Pattern.compile(DECIMAL + "\\s*°?\\s*,\\s*" + DECIMAL + "\\s*°?");
    private static final Pattern GEO_URI = Pattern.compile("geo:" + DECIMAL + "\\s*,\\s*" + DECIMAL + "(?:,[^;]*)?(?:;.*)?");

    static double degreesFromE7(long e7) {
        long corrected = e7 > OVERFLOW_THRESHOLD ? e7 - TWO_TO_THE_32 : e7;
        return corrected / 1e7;
    }

    /** The coordinates of a Takeout object, from its two E7 fields; empty when either is absent. */
    static Optional<Coordinates> fromE7(JsonNode parent, String latitudeField, String longitudeField) {
        Optional<Long> latitude = JsonValues.wholeNumber(parent, latitudeField);
        Optional<Long> longitude = JsonValues.wholeNumber(parent, longitudeField);
        if (latitude.isEmpty() || longitude.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Coordinates(degreesFromE7(latitude.get()), degreesFromE7(longitude.get())));
    }

    /** Coordinates written as text, the Android way or the iOS way; empty when the field is absent. */
    static Optional<Coordinates> fromText(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (value.isString()) {
            String text = value.stringValue().strip();
            Matcher matcher = text.startsWith("geo:") ? GEO_URI.matcher(text) : DEGREES.matcher(text);
            if (matcher.matches()) {
                return Optional.of(new Coordinates(Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2))));
            }
        }
        throw JsonValues.complaint(field, Wording.of("error.input.coordinates"));
    }
}
