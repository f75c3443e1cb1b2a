package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.TimePrecision;
import tools.jackson.databind.json.JsonMapper;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The precision an answer's values show is read from the values, whatever the organization calls them. */
class ObservedRecordsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aCoordinateToSixDecimalsIsAnExactPlace() {
        assertThat(ObservedRecords.location(JSON.readTree("{\"latitude\":45.750031,\"longitude\":4.850012}")))
                .contains(LocationPrecision.EXACT);
    }

    /** Two decimals leave a square of about 1.1 km a side open, 1.24 km²: a level 7 hexagon (5.16 km²) holds it. */
    @Test
    void aCoordinateToTwoDecimalsIsAPlaceToAHexagonOfLevelSeven() {
        assertThat(ObservedRecords.location(JSON.readTree("{\"latitude\":45.75,\"longitude\":4.85}")))
                .contains(LocationPrecision.h3(7));
    }

    @Test
    void theCoarserCoordinateOfThePairDecides() {
        assertThat(ObservedRecords.location(JSON.readTree("{\"latitude\":45.750031,\"longitude\":4.85}")))
                .contains(LocationPrecision.h3(7));
    }

    @Test
    void aPayloadWithoutCoordinatesShowsNoPlace() {
        assertThat(ObservedRecords.location(JSON.readTree("{\"amount\":-2.99}"))).isEmpty();
        assertThat(ObservedRecords.location(JSON.readTree("{\"latitude\":\"45.75\",\"longitude\":4.85}"))).isEmpty();
    }

    @Test
    void aTimeShowsTheLargestUnitItStarts() {
        assertThat(ObservedRecords.time(ZonedDateTime.of(2026, 3, 4, 10, 17, 0, 0, PARIS))).isEqualTo(TimePrecision.EXACT);
        assertThat(ObservedRecords.time(ZonedDateTime.of(2026, 3, 4, 10, 0, 0, 0, PARIS))).isEqualTo(TimePrecision.HOUR);
        assertThat(ObservedRecords.time(ZonedDateTime.of(2026, 3, 4, 0, 0, 0, 0, PARIS))).isEqualTo(TimePrecision.DAY);
        assertThat(ObservedRecords.time(ZonedDateTime.of(2026, 3, 2, 0, 0, 0, 0, PARIS))).isEqualTo(TimePrecision.WEEK);
        assertThat(ObservedRecords.time(ZonedDateTime.of(2026, 3, 1, 0, 0, 0, 0, PARIS))).isEqualTo(TimePrecision.MONTH);
    }
}
