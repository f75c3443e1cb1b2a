package org.selfdata.services;

import org.selfdata.model.GeoPoint;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.RecordId;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.Optional;

/**
 * A point's position and activity read from its canonical JSON ({@link PayloadCodec}) without binding the whole
 * payload: the {@link LocationCache} reads half a million points at a time, and binding each to a {@link GeoPoint},
 * its optional fields and its checks, costs three times as long as taking the three values it keeps. Only the vault's
 * own JSON is read so, checked when it was written and opened under its authentication tag; anything else in it than
 * what canonical JSON holds is handed to the codec, which binds it, or says what is wrong.
 */
final class PointJson {
    private PointJson() {}

    static Located.Point read(RecordId id, long endMillis, byte[] json) {
        return fast(id, endMillis, json).orElseGet(() -> {
            GeoPoint point = (GeoPoint) PayloadCodec.decode(id.type(), json);
            return new Located.Point(id, endMillis, point.latitude(), point.longitude(),
                    CarbonInference.Activity.of(point.activity()));
        });
    }

    private static Optional<Located.Point> fast(RecordId id, long endMillis, byte[] json) {
        double latitude = Double.NaN;
        double longitude = Double.NaN;
        Optional<String> activity = Optional.empty();
        try (JsonParser parser = PayloadCodec.mapper().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "latitude" -> latitude = number(parser, value);
                    case "longitude" -> longitude = number(parser, value);
                    case "activity" -> {
                        if (value != JsonToken.VALUE_STRING) {
                            return Optional.empty();
                        }
                        activity = Optional.of(parser.getString());
                    }
                    case "accuracyMeters", "altitudeMeters", "origin", "device" -> parser.skipChildren();
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (parser.nextToken() != null || Double.isNaN(latitude) || Double.isNaN(longitude)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Located.Point(id, endMillis, latitude, longitude, CarbonInference.Activity.of(activity)));
    }

    /** The number the parser is at, or NaN, which leaves the point to the codec, when the value is not one. */
    private static double number(JsonParser parser, JsonToken value) {
        return value == JsonToken.VALUE_NUMBER_FLOAT || value == JsonToken.VALUE_NUMBER_INT ? parser.getDoubleValue()
                : Double.NaN;
    }
}
