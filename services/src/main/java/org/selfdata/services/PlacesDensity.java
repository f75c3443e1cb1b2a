package org.selfdata.services;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Where the location points fall, counted by H3 cell: a heat map that says where a person spends time without
 * drawing any single point.
 *
 * @param cells the most counted cells, at most {@link Places#MAXIMUM_CELLS}
 * @param cellCount how many cells hold a point, including those left out
 */
public record PlacesDensity(int resolution, List<Cell> cells, int cellCount) {
    /**
     * @param cell the H3 index, as H3 writes it (hexadecimal)
     * @param boundary the cell's corners, as latitude and longitude pairs
     */
    public record Cell(String cell, long points, List<Corner> boundary) {
        public Cell {
            requireNonNull(cell, "cell is null");
            boundary = List.copyOf(boundary);
        }
    }

    public record Corner(double latitude, double longitude) {}

    public PlacesDensity {
        cells = List.copyOf(cells);
    }

    /** Whether some cells were left out to keep the answer small. */
    public boolean truncated() {
        return cellCount > cells.size();
    }
}
