package org.selfdata.services;

import com.uber.h3core.H3Core;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Counts points by H3 cell as they stream by: one counter per cell, never the points. */
final class PlacesDensityCount {
    private final H3Core h3;
    private final int resolution;
    private final PlacesBounds bounds;
    private final Map<Long, long[]> counts = new HashMap<>();

    PlacesDensityCount(H3Core h3, int resolution, PlacesBounds bounds) {
        this.h3 = requireNonNull(h3, "h3 is null");
        this.resolution = resolution;
        this.bounds = requireNonNull(bounds, "bounds is null");
    }

    void add(double latitude, double longitude) {
        if (bounds.contains(latitude, longitude)) {
            counts.computeIfAbsent(h3.latLngToCell(latitude, longitude, resolution), cell -> new long[1])[0]++;
        }
    }

    /** The most counted cells, with their boundaries; equal counts in cell order, so that the answer is stable. */
    PlacesDensity density(int maximumCells) {
        List<PlacesDensity.Cell> cells = counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<Long, long[]> entry) -> -entry.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(maximumCells)
                .map(entry -> new PlacesDensity.Cell(h3.h3ToString(entry.getKey()), entry.getValue()[0],
                        h3.cellToBoundary(entry.getKey()).stream()
                                .map(corner -> new PlacesDensity.Corner(corner.lat, corner.lng))
                                .toList()))
                .toList();
        return new PlacesDensity(resolution, cells, counts.size());
    }
}
