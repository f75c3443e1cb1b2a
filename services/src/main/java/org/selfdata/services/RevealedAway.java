package org.selfdata.services;

import java.time.LocalDate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A period away from home: consecutive nights none of which was spent at home.
 *
 * @param firstNight the evening of the first night away
 * @param lastNight the evening of the last
 * @param areas where the nights were spent, coarsely: the départements (or countries) of the places, in order
 */
public record RevealedAway(LocalDate firstNight, LocalDate lastNight, int nights, List<String> areas) {
    public RevealedAway {
        requireNonNull(firstNight, "firstNight is null");
        requireNonNull(lastNight, "lastNight is null");
        areas = List.copyOf(areas);
    }
}
