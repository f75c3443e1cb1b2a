package org.selfdata.services;

import java.time.ZoneId;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A timeline: the step it counts by, the zone its days are in, and its periods in time order. Periods without a record
 * are left out, so a vault with a gap of a year answers with no bar for that year rather than fifty-two zeros.
 */
public record TimelineCounts(TimelineStep step, ZoneId zone, List<TimelinePeriod> periods) {
    public TimelineCounts {
        requireNonNull(step, "step is null");
        requireNonNull(zone, "zone is null");
        periods = List.copyOf(periods);
    }
}
