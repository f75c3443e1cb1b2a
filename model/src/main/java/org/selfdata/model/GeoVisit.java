package org.selfdata.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.selfdata.texts.Wording;

import java.util.Optional;

/**
 * A stay at a place; the record's time span is the stay.
 *
 * @param semanticType what the place is to the person, when the source says ({@code HOME}, {@code WORK})
 * @param confidence the source's confidence that this was the place, from 0 to 1
 */
public record GeoVisit(
        @JsonProperty(required = true) double latitude,
        @JsonProperty(required = true) double longitude,
        Optional<String> placeName,
        Optional<String> address,
        Optional<String> placeId,
        Optional<String> semanticType,
        Optional<Double> confidence) implements Payload {
    public GeoVisit {
        Fields.latitude(latitude, "latitude");
        Fields.longitude(longitude, "longitude");
        placeName = Fields.optionalText(placeName, "placeName", Fields.SHORT_TEXT);
        address = Fields.optionalText(address, "address", Fields.SHORT_TEXT);
        placeId = Fields.optionalText(placeId, "placeId", 255);
        semanticType = Fields.optionalText(semanticType, "semanticType", 64);
        confidence = Fields.optional(confidence);
        confidence.ifPresent(value -> {
            if (!(value >= 0 && value <= 1)) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.model.confidence"));
            }
        });
    }

    @Override
    public RecordType type() {
        return RecordType.GEO_VISIT;
    }
}
