package org.selfdata.services;

import org.selfdata.model.RecordId;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One leg of a trip, made one way: the distance travelled and how, with the records it was read from.
 *
 * @param metres the length of the path of its points (or the source's distance, for a trip the source recorded)
 * @param recognized whether the way came from what the phone (or the source) recognized, rather than from speed and
 *        distance alone
 * @param records the first and last location points of the leg, or the trip the source recorded
 * @param ends where the leg began and ended, which tells a commute from other trips
 */
public record CarbonLeg(Instant start, Instant end, CarbonMode mode, double metres, boolean recognized,
        List<RecordId> records, Ends ends) {
    /** The positions of a leg's first and last points, or of the trip the source recorded. */
    public record Ends(double fromLatitude, double fromLongitude, double toLatitude, double toLongitude) {}

    public CarbonLeg {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(mode, "mode is null");
        records = List.copyOf(records);
        requireNonNull(ends, "ends is null");
    }

    public double kilometres() {
        return metres / 1000;
    }
}
