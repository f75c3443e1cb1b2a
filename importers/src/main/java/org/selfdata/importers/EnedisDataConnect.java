package org.selfdata.importers;

import org.selfdata.model.EnergyReading;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Walks an Enedis Data Connect {@code meter_reading}: its {@code usage_point_id} and {@code reading_type}, then its
 * {@code interval_reading} array, one reading at a time.
 *
 * <p>A load curve ({@code unit} W) has an {@code interval_length} such as {@code PT30M} on each reading, whose
 * {@code date} is the local time at which the interval <em>ends</em>: it becomes energy in watt-hours over
 * {@code [date - length, date)}, {@code W × minutes / 60}. A daily consumption ({@code unit} Wh) has a bare date and no
 * length: the energy of that day in the person's zone (23 or 25 hours long when clocks change). Local times are
 * resolved by {@link LocalTimeline}, in the order of the readings.
 *
 * <p>JSON leaves the order of an object's members free, but Enedis writes {@code usage_point_id} and
 * {@code reading_type} before {@code interval_reading}; the readings are read in a single pass, so a file in which
 * they come later is refused rather than held in memory.
 */
final class EnedisDataConnect implements RecordReader {
    private static final String ARRAY = "/meter_reading/interval_reading";

    private final JsonParser parser;
    private final LocalTimeline timeline;
    private final ZoneId zone;
    private String meter = "";
    private Optional<String> unit = Optional.empty();
    private long index = -1;
    private boolean ended;

    EnedisDataConnect(JsonParser parser, ZoneId zone) {
        this.parser = requireNonNull(parser, "parser is null");
        this.zone = requireNonNull(zone, "zone is null");
        this.timeline = new LocalTimeline(zone);
    }

    /** Reads up to the start of the {@code interval_reading} array; answers the usage point (the meter's PRM). */
    String enterReadings() {
        return guarded("/", () -> {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw InvalidInput.at("/", Wording.of("error.enedis.noMeterReading"));
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                JsonToken value = parser.nextToken();
                if (parser.currentName().equals("meter_reading") && value == JsonToken.START_OBJECT) {
                    return enterMeterReading();
                }
                parser.skipChildren();
            }
            throw InvalidInput.at("/", Wording.of("error.enedis.meterReadingObject"));
        });
    }

    private String enterMeterReading() {
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "usage_point_id" -> meter = value.isScalarValue() ? parser.getValueAsString("").strip() : "";
                case "reading_type" -> readReadingType(value);
                case "interval_reading" -> {
                    if (value != JsonToken.START_ARRAY) {
                        throw InvalidInput.at(ARRAY, Wording.of("error.enedis.readingsArray"));
                    }
                    if (meter.isEmpty() || meter.length() > 64 || unit.isEmpty()) {
                        throw InvalidInput.at(ARRAY, Wording.of("error.enedis.headerFirst"));
                    }
                    return meter;
                }
                default -> parser.skipChildren();
            }
        }
        throw InvalidInput.at("/meter_reading", Wording.of("error.enedis.intervalReadingArray"));
    }

    private void readReadingType(JsonToken value) {
        if (value != JsonToken.START_OBJECT) {
            throw InvalidInput.at("/meter_reading/reading_type", Wording.of("error.enedis.unitObject"));
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken field = parser.nextToken();
            if (name.equals("unit") && field.isScalarValue()) {
                String text = parser.getValueAsString("").strip();
                if (!text.equals("W") && !text.equals("Wh")) {
                    throw InvalidInput.at("/meter_reading/reading_type/unit", Wording.of("error.enedis.unit"));
                }
                unit = Optional.of(text);
            }
            else {
                parser.skipChildren();
            }
        }
    }

    @Override
    public Optional<RecordDraft> read() {
        while (!ended) {
            index++;
            String pointer = ARRAY + "/" + index;
            Optional<RecordDraft> reading = guarded(pointer, () -> next(pointer));
            if (reading.isPresent()) {
                return reading;
            }
        }
        return Optional.empty();
    }

    private Optional<RecordDraft> next(String pointer) {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            ended = true;
            readToTheEnd();
            return Optional.empty();
        }
        if (token != JsonToken.START_OBJECT) {
            throw InvalidInput.at(pointer, Wording.of("error.enedis.readingObject"));
        }
        Optional<String> value = Optional.empty();
        Optional<String> date = Optional.empty();
        Optional<String> length = Optional.empty();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken field = parser.nextToken();
            Optional<String> text = field.isScalarValue() ? Optional.ofNullable(parser.getValueAsString()) : Optional.empty();
            parser.skipChildren();
            switch (name) {
                case "value" -> value = text;
                case "date" -> date = text;
                case "interval_length" -> length = text;
                default -> { }
            }
        }
        return reading(Position.jsonPointer(pointer), value, date, length);
    }

    private Optional<RecordDraft> reading(Position position, Optional<String> valueText, Optional<String> dateText,
            Optional<String> lengthText) {
        String date = dateText.orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.enedis.date")));
        boolean power = unit.orElseThrow().equals("W");
        if (lengthText.isEmpty() && !power) {
            LocalDate day = EnedisTimes.day(date).orElseThrow(() -> InvalidInput.rejected(position,
                    Wording.of("error.enedis.dateOrLength")));
            TimeSpan span = TimeSpan.day(day, zone);
            int minutes = (int) Duration.between(span.start(), span.end()).toMinutes();
            return value(valueText, position).map(value -> draft(position, span, value, minutes));
        }
        // The time is resolved before a missing value is skipped: the timeline needs every row to follow the clock.
        Instant end = EnedisTimes.withOffset(date).map(OffsetDateTime::toInstant)
                .or(() -> EnedisTimes.local(date).map(timeline::next))
                .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.enedis.dateTime")));
        int minutes = lengthText.flatMap(EnedisDataConnect::minutes).orElseThrow(() -> InvalidInput.rejected(position,
                Wording.of("error.enedis.intervalLength")));
        Optional<BigDecimal> read = value(valueText, position);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal value = read.get();
        BigDecimal energy = power ? LinkyKilowattCurve.canonical(LinkyLoadCurve.wattHours(value, minutes)) : value;
        return Optional.of(draft(position, TimeSpan.between(end.minus(Duration.ofMinutes(minutes)), end), energy, minutes));
    }

    /** The value, or nothing for a gap (a missing or empty value). */
    private static Optional<BigDecimal> value(Optional<String> text, Position position) {
        if (text.isEmpty() || text.get().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(DecimalText.parse(text.get())
                .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.enedis.value"))));
    }

    private RecordDraft draft(Position position, TimeSpan span, BigDecimal energy, int minutes) {
        EnergyReading reading = InvalidInput.rejecting(position, () -> new EnergyReading(meter, EnergyReading.Quantity.ENERGY,
                energy, Optional.of(minutes), Optional.empty()));
        return RecordDraft.of(span, reading, position);
    }

    private static Optional<Integer> minutes(String text) {
        try {
            Duration length = Duration.parse(text.strip());
            long minutes = length.toMinutes();
            boolean whole = Duration.ofMinutes(minutes).equals(length);
            return whole && minutes >= 1 && minutes <= 1440 ? Optional.of((int) minutes) : Optional.empty();
        }
        catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private void readToTheEnd() {
        while (parser.nextToken() != null) {
            parser.skipChildren();
        }
    }

    private <T> T guarded(String pointer, JsonStep<T> step) {
        try {
            return step.run();
        }
        catch (JacksonException e) {
            Wording malformed = Optional.ofNullable(e.getLocation())
                    .map(at -> Wording.of("error.json.malformedNearLine", Long.toString(at.getLineNr())))
                    .orElse(Wording.of("error.json.malformed"));
            throw new SelfdataException(ErrorCode.INVALID_INPUT, InvalidInput.wording(pointer, malformed), e);
        }
    }

    @FunctionalInterface
    private interface JsonStep<T> {
        T run();
    }
}
