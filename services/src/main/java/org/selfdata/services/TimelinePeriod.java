package org.selfdata.services;

import org.selfdata.model.RecordType;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** One bar of the timeline: the day its step starts, and how many records of each type began in it. */
public record TimelinePeriod(LocalDate start, Map<RecordType, Long> counts) {
    public TimelinePeriod {
        requireNonNull(start, "start is null");
        counts = counts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(counts));
    }
}
