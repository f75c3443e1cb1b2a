package org.selfdata.importers;

import org.selfdata.model.GeoPoint;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Walks the {@code locations} array of a Records.json, one entry at a time.
 *
 * <p>Coordinates are integers in units of 10⁻⁷ degree. Some exports overflowed them as unsigned 32-bit numbers, so a
 * value above 1,800,000,000 (which no valid coordinate reaches) has 2³² taken off. Of the activity guesses attached
 * to a point, the first (the one Google lists as current) gives the point's activity: its most confident type.
 */
final class GoogleLocations implements RecordReader {
    private static final long OVERFLOW_THRESHOLD = 1_800_000_000L;
    private static final long TWO_TO_THE_32 = 1L << 32;

    private final JsonParser parser;
    private long index = -1;
    private boolean ended;

    GoogleLocations(JsonParser parser) {
        this.parser = requireNonNull(parser, "parser is null");
    }

    /** Moves to the start of the {@code locations} array, reading past any other top-level property. */
    void enterArray() {
        guarded("/", () -> {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw InvalidInput.at("/", Wording.of("error.google.notRecords"));
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                JsonToken value = parser.nextToken();
                if (parser.currentName().equals("locations")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw InvalidInput.at("/locations", Wording.of("error.google.locationsNotArray"));
                    }
                    return null;
                }
                parser.skipChildren();
            }
            throw InvalidInput.at("/", Wording.of("error.google.noLocations"));
        });
    }

    @Override
    public Optional<RecordDraft> read() {
        if (ended) {
            return Optional.empty();
        }
        index++;
        String pointer = "/locations/" + index;
        return guarded(pointer, () -> {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                ended = true;
                return Optional.empty();
            }
            if (token != JsonToken.START_OBJECT) {
                throw InvalidInput.at(pointer, Wording.of("error.google.locationObject"));
            }
            return Optional.of(location(pointer));
        });
    }

    /**
     * Reads one location object to its end, then either makes its point or rejects it: a location with a field
     * that cannot be read is refused whole, never read as zero, and reading goes on with the next one.
     */
    private RecordDraft location(String pointer) {
        Location location = new Location();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "latitudeE7" -> location.latitudeE7 = location.whole(value, parser, name);
                case "longitudeE7" -> location.longitudeE7 = location.whole(value, parser, name);
                case "accuracy" -> location.accuracy = location.whole(value, parser, name).map(Math::toIntExact);
                case "altitude" -> location.altitude = location.number(value, parser, name);
                case "source" -> location.source = Optional.ofNullable(parser.getValueAsString());
                case "deviceTag" -> location.device = Optional.ofNullable(parser.getValueAsString());
                case "timestamp" -> location.timestamp = location.text(value, parser, name)
                        .flatMap(text -> timestamp(location, text));
                case "timestampMs" -> location.timestamp = location.whole(value, parser, name).map(Instant::ofEpochMilli);
                case "activity" -> {
                    if (value == JsonToken.START_ARRAY) {
                        location.activity = activity();
                    }
                    else {
                        parser.skipChildren();
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (location.problem.isPresent()) {
            throw InvalidInput.rejected(Position.jsonPointer(pointer + "/" + location.problemField), location.problem.get());
        }
        if (location.latitudeE7.isEmpty() || location.longitudeE7.isEmpty()) {
            throw InvalidInput.rejected(Position.jsonPointer(pointer), Wording.of("error.google.coordinates"));
        }
        Instant time = location.timestamp.orElseThrow(
                () -> InvalidInput.rejected(Position.jsonPointer(pointer), Wording.of("error.google.timestamp")));
        Position position = Position.jsonPointer(pointer);
        GeoPoint point = InvalidInput.rejecting(position, () -> new GeoPoint(degrees(location.latitudeE7.get()),
                degrees(location.longitudeE7.get()), location.accuracy, location.altitude, location.source,
                location.activity, location.device));
        return RecordDraft.of(TimeSpan.at(time), point, position);
    }

    private static Optional<Instant> timestamp(Location location, String text) {
        try {
            return Optional.of(utcTimestamp(text).orElseGet(() -> OffsetDateTime.parse(text).toInstant()));
        }
        catch (DateTimeException e) {
            location.problem("timestamp", Wording.of("error.google.isoTime"));
            return Optional.empty();
        }
    }

    /**
     * The time of a timestamp in the form Takeout writes, {@code 2015-10-10T18:47:02.597Z} (UTC, zero to nine digits
     * of fraction), read without a date-time formatter, which costs more than the rest of a point; empty for
     * any other form (an offset, a field out of range), which {@link OffsetDateTime#parse} then reads or refuses.
     */
    private static Optional<Instant> utcTimestamp(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Optional.empty();
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            if (text.charAt(19) != '.' || length == 21) {
                return Optional.empty();
            }
            nanos = digits(text, 20, length - 1);
            for (int scale = length - 21; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nanos) < 0 || month < 1 || month > 12 || day < 1
                || day > 28 && day > YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
            return Optional.empty();
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Optional.of(Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second, nanos));
    }

    /** The number the decimal digits from {@code start} to {@code end} make, or -1 if any is not a digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int index = start; index < end; index++) {
            int digit = text.charAt(index) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private Optional<String> activity() {
        Optional<String> likeliest = Optional.empty();
        boolean first = true;
        for (JsonToken entry = parser.nextToken(); entry != JsonToken.END_ARRAY; entry = parser.nextToken()) {
            if (first && entry == JsonToken.START_OBJECT) {
                likeliest = likeliestType();
            }
            else {
                parser.skipChildren();
            }
            first = false;
        }
        return likeliest;
    }

    private Optional<String> likeliestType() {
        Optional<String> likeliest = Optional.empty();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            JsonToken value = parser.nextToken();
            if (!parser.currentName().equals("activity") || value != JsonToken.START_ARRAY) {
                parser.skipChildren();
                continue;
            }
            int bestConfidence = Integer.MIN_VALUE;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                Optional<String> type = Optional.empty();
                int confidence = 0;
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    parser.nextToken();
                    switch (parser.currentName()) {
                        case "type" -> type = Optional.ofNullable(parser.getValueAsString());
                        case "confidence" -> confidence = parser.getValueAsInt();
                        default -> parser.skipChildren();
                    }
                }
                if (type.isPresent() && confidence > bestConfidence) {
                    bestConfidence = confidence;
                    likeliest = type;
                }
            }
        }
        return likeliest;
    }

    private static double degrees(long e7) {
        long corrected = e7 > OVERFLOW_THRESHOLD ? e7 - TWO_TO_THE_32 : e7;
        return corrected / 1e7;
    }

    private <T> T guarded(String pointer, JsonStep<T> step) {
        try {
            return step.run();
        }
        catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            String near = location == null ? "" : " near line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new org.selfdata.model.SelfdataException(org.selfdata.model.ErrorCode.INVALID_INPUT,
                    pointer + ": expected well-formed JSON; the file is malformed" + near, e);
        }
    }

    @FunctionalInterface
    private interface JsonStep<T> {
        T run();
    }

    /** A location as it is read, with the first thing wrong with it, if any. */
    private static final class Location {
        private Optional<Long> latitudeE7 = Optional.empty();
        private Optional<Long> longitudeE7 = Optional.empty();
        private Optional<Integer> accuracy = Optional.empty();
        private Optional<Double> altitude = Optional.empty();
        private Optional<String> source = Optional.empty();
        private Optional<String> device = Optional.empty();
        private Optional<String> activity = Optional.empty();
        private Optional<Instant> timestamp = Optional.empty();
        private Optional<Wording> problem = Optional.empty();
        private String problemField = "";

        void problem(String field, Wording what) {
            if (problem.isEmpty()) {
                problem = Optional.of(what);
                problemField = field;
            }
        }

        /** A whole number, written as a JSON number or, as older exports do for timestampMs, as a string of digits. */
        Optional<Long> whole(JsonToken value, JsonParser parser, String name) {
            if (value == JsonToken.VALUE_NULL) {
                return Optional.empty();
            }
            if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                long number = parser.getLongValue();
                if (!name.equals("accuracy") || number == (int) number) {
                    return Optional.of(number);
                }
            }
            if (value == JsonToken.VALUE_STRING && parser.getString().matches("-?[0-9]{1,18}")) {
                return Optional.of(Long.parseLong(parser.getString()));
            }
            parser.skipChildren();
            problem(name, Wording.of("error.json.wholeNumber"));
            return Optional.empty();
        }

        Optional<Double> number(JsonToken value, JsonParser parser, String name) {
            if (value == JsonToken.VALUE_NULL) {
                return Optional.empty();
            }
            if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
                return Optional.of(parser.getDoubleValue());
            }
            parser.skipChildren();
            problem(name, Wording.of("error.json.number"));
            return Optional.empty();
        }

        Optional<String> text(JsonToken value, JsonParser parser, String name) {
            if (value == JsonToken.VALUE_STRING) {
                return Optional.of(parser.getString());
            }
            parser.skipChildren();
            problem(name, Wording.of("error.json.text"));
            return Optional.empty();
        }
    }
}
