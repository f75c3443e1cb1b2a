package org.selfdata.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.selfdata.texts.Wording;

import java.util.List;
import java.util.Optional;

/**
 * A journey between two places; the record's time span is the journey.
 *
 * @param mode how the person travelled, when the source says ({@code WALKING}, {@code IN_BUS}, {@code IN_TRAIN})
 * @param waypoints the path between start and end, in order, when the source gives one
 */
public record GeoTrip(
        @JsonProperty(required = true) double startLatitude,
        @JsonProperty(required = true) double startLongitude,
        @JsonProperty(required = true) double endLatitude,
        @JsonProperty(required = true) double endLongitude,
        Optional<String> mode,
        Optional<Long> distanceMeters,
        List<Waypoint> waypoints) implements Payload {
    public record Waypoint(@JsonProperty(required = true) double latitude, @JsonProperty(required = true) double longitude) {
        public Waypoint {
            Fields.latitude(latitude, "waypoint latitude");
            Fields.longitude(longitude, "waypoint longitude");
        }
    }

    public GeoTrip {
        Fields.latitude(startLatitude, "startLatitude");
        Fields.longitude(startLongitude, "startLongitude");
        Fields.latitude(endLatitude, "endLatitude");
        Fields.longitude(endLongitude, "endLongitude");
        mode = Fields.optionalText(mode, "mode", 64);
        distanceMeters = Fields.optional(distanceMeters);
        waypoints = waypoints == null ? List.of() : List.copyOf(waypoints);
        if (waypoints.size() > Fields.LIST_SIZE) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT,
                    Wording.of("error.model.fieldTooManyEntries", "waypoints", Integer.toString(Fields.LIST_SIZE)));
        }
    }

    @Override
    public RecordType type() {
        return RecordType.GEO_TRIP;
    }
}
