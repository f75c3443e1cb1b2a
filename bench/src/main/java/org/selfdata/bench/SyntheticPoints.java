package org.selfdata.bench;

import org.selfdata.model.GeoPoint;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Location points like a phone's, a minute apart around Lyon, made before the clock starts so that both the vault and
 * its baseline are timed on the same records and neither on making them.
 */
final class SyntheticPoints {
    static final SourceDescriptor SOURCE = SourceDescriptor.file("Google", "Location History");
    private static final Instant START = Instant.parse("2024-09-01T00:00:00Z");

    private SyntheticPoints() {}

    static List<RecordDraft> make(int count) {
        SplittableRandom random = new SplittableRandom(2024);
        List<RecordDraft> points = new ArrayList<>(count);
        double latitude = 45.7578;
        double longitude = 4.8320;
        for (int index = 0; index < count; index++) {
            latitude += (random.nextDouble() - 0.5) * 1e-3;
            longitude += (random.nextDouble() - 0.5) * 1e-3;
            GeoPoint point = new GeoPoint(round(latitude), round(longitude), Optional.of(5 + random.nextInt(45)),
                    Optional.empty(), Optional.of("GPS"), Optional.empty(), Optional.empty());
            points.add(RecordDraft.of(TimeSpan.at(START.plusSeconds(60L * index)), point,
                    Position.jsonPointer("/locations/" + index)));
        }
        return points;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
