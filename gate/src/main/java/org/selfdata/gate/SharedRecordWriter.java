package org.selfdata.gate;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.Precision;
import org.selfdata.model.RecordTime;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimePrecision;
import org.selfdata.model.TimeSpan;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Writes a record as a recipient may see it under a grant's precision: the one place where precision is applied, so
 * that no surface writing shared records can forget it.
 *
 * <p>A shared record has a pseudonymous id, its type and category, its start and end truncated to the time
 * precision, and its payload with every field reduced by its class ({@link SharedFields}). It has no provenance: the
 * source, batch and position of a record tell how the person's data is organized, and the source's organization is
 * left out too, as the vault's source table is not at hand here and the type and category already say what the
 * record is. Its version is left out as well: that a record was rectified is the person's business.
 *
 * <p>The stored payload is read as a stream of tokens and written as it is read, so that sharing a million points
 * allocates no tree per record.
 */
public final class SharedRecordWriter {
    /**
     * Parses stored payloads, one parser per shared record: buffers come from the writing thread's own pool, since the
     * default pool, shared between threads, costs a contended acquisition per record.
     */
    private static final JsonFactory JSON = JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();

    private final Precision precision;
    private final Set<String> namedFreeTextFields;
    private final Pseudonyms pseudonyms;
    private final Geography geography;
    private final Times times;
    private final Amounts amounts;

    /**
     * @param namedFreeTextFields payload fields of free text the grant lets through, by their name in the payload
     *     ({@code label}, {@code memo}); naming a field of any other class changes nothing
     * @param zone the person's time zone, in which days, weeks and months begin
     */
    public SharedRecordWriter(Precision precision, Set<String> namedFreeTextFields, Pseudonyms pseudonyms,
                              Geography geography, ZoneId zone) {
        this.precision = requireNonNull(precision, "precision is null");
        this.namedFreeTextFields = Set.copyOf(namedFreeTextFields);
        this.pseudonyms = requireNonNull(pseudonyms, "pseudonyms is null");
        this.geography = requireNonNull(geography, "geography is null");
        geography.requireSupported(precision.location());
        this.times = new Times(precision.time(), requireNonNull(zone, "zone is null"));
        this.amounts = new Amounts(precision.amount());
    }

    /** Writes the shared record as one JSON object. */
    public void write(JsonGenerator json, StoredRecord record) {
        json.writeStartObject();
        json.writeStringProperty("id", pseudonyms.record(record.id()));
        json.writeStringProperty("type", record.type().id());
        json.writeStringProperty("category", record.category().term());
        writeTime(json, record.time());
        json.writeName("payload");
        try (JsonParser payload = JSON.createParser(ObjectReadContext.empty(), record.payloadJson())) {
            new PayloadWriter(json, payload, SharedFields.of(record.type())).write();
        }
        json.writeEndObject();
    }

    /** A record's time in whole units of the grant's time precision; a record without a time has no time fields. */
    private void writeTime(JsonGenerator json, RecordTime time) {
        switch (time) {
            case TimeSpan span -> {
                String start = times.floor(span.start()).toString();
                json.writeStringProperty("start", start);
                json.writeStringProperty("end", span.isInstant() ? start : times.ceiling(span.end()).toString());
            }
            case RecordTime.Untimed untimed -> {
                // Nothing to round, and nothing to say: no start and no end, rather than a made-up one.
            }
        }
    }

    /** The shared record as JSON text, for previews: what a recipient would receive. */
    public String toJson(StoredRecord record) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = PayloadCodec.mapper().createGenerator(text)) {
            write(json, record);
        }
        return text.toString();
    }

    /** One payload's pass from stored JSON to shared JSON. */
    private final class PayloadWriter {
        private final JsonGenerator json;
        private final JsonParser payload;
        private final Map<String, FieldClass> fields;
        private double latitude = Double.NaN;
        private double longitude = Double.NaN;

        PayloadWriter(JsonGenerator json, JsonParser payload, Map<String, FieldClass> fields) {
            this.json = json;
            this.payload = payload;
            this.fields = fields;
        }

        void write() {
            expect(payload.nextToken(), JsonToken.START_OBJECT);
            json.writeStartObject();
            for (JsonToken token = payload.nextToken(); token == JsonToken.PROPERTY_NAME; token = payload.nextToken()) {
                String name = payload.currentName();
                payload.nextToken();
                FieldClass field = fields.get(name);
                if (field == null) {
                    payload.skipChildren();
                    continue;
                }
                switch (field) {
                    case FieldClass.Coordinate coordinate -> coordinate(name, coordinate);
                    case FieldClass.Category category -> category(name, category.vocabulary());
                    case FieldClass.Kind kind -> field(name, kind);
                }
            }
            json.writeEndObject();
        }

        private void coordinate(String name, FieldClass.Coordinate coordinate) {
            LocationPrecision location = precision.location();
            if (location.level() == LocationPrecision.Level.EXACT) {
                copy(name);
                return;
            }
            double value = payload.getDoubleValue();
            switch (coordinate.axis()) {
                case LATITUDE -> latitude = value;
                case LONGITUDE -> longitude = value;
            }
            if (!Double.isNaN(latitude) && !Double.isNaN(longitude)) {
                if (location.level() != LocationPrecision.Level.NONE) {
                    json.writeName(coordinate.area());
                    geography.area(latitude, longitude, location).write(json);
                }
                latitude = Double.NaN;
                longitude = Double.NaN;
            }
        }

        private void field(String name, FieldClass.Kind kind) {
            boolean exactLocation = precision.location().level() == LocationPrecision.Level.EXACT;
            switch (kind) {
                case PATH -> path(name);
                case LOCATION_DETAIL -> copyIf(exactLocation, name);
                case LOCATION_TEXT -> copyIf(exactLocation && namedFreeTextFields.contains(name), name);
                case AMOUNT -> amounts.write(json, name, payload.getDecimalValue());
                case DATE -> date(name);
                case TIME_DETAIL -> copyIf(precision.time() == TimePrecision.EXACT, name);
                case IDENTIFIER -> identifier(name);
                case FREE_TEXT -> copyIf(namedFreeTextFields.contains(name), name);
                case MEASURE -> copy(name);
            }
        }

        /** Writes a value on its list as the list spells it, keeping a boolean a boolean; leaves anything else out. */
        private void category(String name, Vocabulary vocabulary) {
            JsonToken token = payload.currentToken();
            if (!token.isScalarValue()) {
                payload.skipChildren();
                return;
            }
            vocabulary.spelling(payload.getString()).ifPresent(value -> {
                json.writeName(name);
                if (token.isBoolean()) {
                    json.writeBoolean(payload.getBooleanValue());
                }
                else {
                    json.writeString(value);
                }
            });
        }

        private void path(String name) {
            LocationPrecision location = precision.location();
            switch (location.level()) {
                case EXACT -> copy(name);
                case NONE -> payload.skipChildren();
                case H3, COMMUNE, DEPARTMENT, REGION, COUNTRY -> {
                    expect(payload.currentToken(), JsonToken.START_ARRAY);
                    json.writeName(name);
                    json.writeStartArray();
                    Area previous = new Area.Unknown();
                    boolean first = true;
                    while (payload.nextToken() == JsonToken.START_OBJECT) {
                        Area area = waypoint(location);
                        if (first || !area.equals(previous)) {
                            area.write(json);
                        }
                        previous = area;
                        first = false;
                    }
                    json.writeEndArray();
                }
            }
        }

        private Area waypoint(LocationPrecision location) {
            double pointLatitude = Double.NaN;
            double pointLongitude = Double.NaN;
            for (JsonToken token = payload.nextToken(); token == JsonToken.PROPERTY_NAME; token = payload.nextToken()) {
                String name = payload.currentName();
                payload.nextToken();
                switch (name) {
                    case "latitude" -> pointLatitude = payload.getDoubleValue();
                    case "longitude" -> pointLongitude = payload.getDoubleValue();
                    default -> payload.skipChildren();
                }
            }
            if (Double.isNaN(pointLatitude) || Double.isNaN(pointLongitude)) {
                throw new SelfdataException(ErrorCode.INTERNAL, "a stored waypoint lacks a latitude or a longitude");
            }
            return geography.area(pointLatitude, pointLongitude, location);
        }

        private void date(String name) {
            try {
                json.writeStringProperty(name, times.date(LocalDate.parse(payload.getString())).toString());
            }
            catch (DateTimeParseException e) {
                throw new SelfdataException(ErrorCode.INTERNAL, "a stored payload holds a date that is not ISO 8601", e);
            }
        }

        private void identifier(String name) {
            switch (precision.identifiers()) {
                case CLEAR -> copy(name);
                case PSEUDONYMIZED -> {
                    json.writeName(name);
                    if (payload.currentToken() == JsonToken.START_ARRAY) {
                        json.writeStartArray();
                        while (payload.nextToken() == JsonToken.VALUE_STRING) {
                            json.writeString(pseudonyms.identifier(payload.getString()));
                        }
                        json.writeEndArray();
                    }
                    else {
                        json.writeString(pseudonyms.identifier(payload.getString()));
                    }
                }
            }
        }

        private void copyIf(boolean shared, String name) {
            if (shared) {
                copy(name);
            }
            else {
                payload.skipChildren();
            }
        }

        private void copy(String name) {
            json.writeName(name);
            json.copyCurrentStructure(payload);
        }

        private static void expect(JsonToken token, JsonToken expected) {
            if (token != expected) {
                throw new SelfdataException(ErrorCode.INTERNAL, "a stored payload is not shaped as its type says");
            }
        }
    }
}
