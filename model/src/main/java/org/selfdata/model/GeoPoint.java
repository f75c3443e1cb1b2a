package org.selfdata.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Optional;

/**
 * A position fix, as a phone or a GPS logger records it.
 *
 * @param accuracyMeters the radius within which the device believed itself to be
 * @param origin how the fix was obtained ({@code GPS}, {@code WIFI}, {@code CELL}), when the file says
 * @param activity the most likely activity the device inferred ({@code WALKING}, {@code IN_VEHICLE}), when the file says
 * @param device the device tag or name the file gives
 */
public record GeoPoint(
        @JsonProperty(required = true) double latitude,
        @JsonProperty(required = true) double longitude,
        Optional<Integer> accuracyMeters,
        Optional<Double> altitudeMeters,
        Optional<String> origin,
        Optional<String> activity,
        Optional<String> device) implements Payload {
    public GeoPoint {
        Fields.latitude(latitude, "latitude");
        Fields.longitude(longitude, "longitude");
        accuracyMeters = Fields.optional(accuracyMeters);
        altitudeMeters = Fields.optional(altitudeMeters);
        origin = Fields.optionalText(origin, "origin", 64);
        activity = Fields.optionalText(activity, "activity", 64);
        device = Fields.optionalText(device, "device", 128);
    }

    public static GeoPoint of(double latitude, double longitude) {
        return new GeoPoint(latitude, longitude, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    @Override
    public RecordType type() {
        return RecordType.GEO_POINT;
    }
}
