package org.selfdata.services;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Consumption over {@code [from, to)} in kilowatt-hours, one point per step. The first and last points are cut at
 * {@code from} and {@code to}, so the points add up to the period's total and nothing outside it.
 */
public record EnergySeries(Instant from, Instant to, EnergyStep step, List<Point> points, double kilowattHours) {
    public EnergySeries {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(step, "step is null");
        points = List.copyOf(points);
    }

    public record Point(Instant start, Instant end, double kilowattHours) {}
}
