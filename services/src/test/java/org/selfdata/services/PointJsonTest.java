package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PointJsonTest {
    private static final RecordId ID = new RecordId(RecordType.GEO_POINT, 1_750_000_000_000L, 7);

    @Test
    void aPointReadFromItsCanonicalJsonIsThePointTheCodecBinds() {
        List<GeoPoint> points = List.of(
                GeoPoint.of(45.764, 4.8357),
                GeoPoint.of(-33.9, 151),
                new GeoPoint(48.8566, 2.3522, Optional.of(12), Optional.of(35.5), Optional.of("gps"), Optional.of("IN_TRAM"),
                        Optional.of("phone")),
                new GeoPoint(0, -0.5, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("on bicycle"),
                        Optional.empty()));
        for (GeoPoint point : points) {
            Located.Point read = PointJson.read(ID, ID.startMillis(), PayloadCodec.encode(point));

            assertThat(read.latitude()).isEqualTo(point.latitude());
            assertThat(read.longitude()).isEqualTo(point.longitude());
            assertThat(read.activity()).isEqualTo(CarbonInference.Activity.of(point.activity()));
            assertThat(read.id()).isEqualTo(ID);
        }
    }

    @Test
    void jsonOtherThanCanonicalIsLeftToTheCodecWhichBindsItOrSaysWhatIsWrong() {
        Located.Point reordered = PointJson.read(ID, ID.startMillis(),
                "{\"activity\":\"WALKING\",\"longitude\":4.8,\"latitude\":45.7}".getBytes(StandardCharsets.UTF_8));
        assertThat(reordered.latitude()).isEqualTo(45.7);
        assertThat(reordered.activity()).isEqualTo(CarbonInference.Activity.WALKING);

        assertThatThrownBy(() -> PointJson.read(ID, ID.startMillis(),
                "{\"latitude\":45.7,\"longitude\":4.8,\"speed\":3}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SelfdataException.class).hasMessageContaining("speed");
        assertThatThrownBy(() -> PointJson.read(ID, ID.startMillis(),
                "{\"latitude\":\"north\",\"longitude\":4.8}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SelfdataException.class).hasMessageContaining("latitude");
        assertThatThrownBy(() -> PointJson.read(ID, ID.startMillis(),
                "{\"longitude\":4.8}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SelfdataException.class).hasMessageContaining("latitude");
    }
}
