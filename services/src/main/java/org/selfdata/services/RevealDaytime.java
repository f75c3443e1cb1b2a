package org.selfdata.services;

import com.uber.h3core.H3Core;
import org.selfdata.model.RecordId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * Where weekday daytime is spent, gathered as the points go by: each point in weekday daytime stands for the time
 * since the point before it (at most {@link RevealSettings#longestGap()}), and that time goes to the H3 cell the point
 * is in, at {@link RevealSettings#daytimeResolution()}, with the sum of the positions in the cell.
 *
 * <p>Work or study is often wider than a stay: a campus, a hospital, a business park, where a phone's positions
 * wander over several hundred metres and the stay detection finds short stays or none. So an area of daytime presence
 * is a cell with the ring of cells around it: at resolution 8, about 1.5 km across, which holds a campus wherever its
 * centre falls in its cell; its position is the mean of the positions in it. The cells are what is kept: a few
 * thousand over years, each with its time per day.
 */
final class RevealDaytime {
    /** The positions and the time per day in one cell. */
    static final class Cell {
        private double latitudeSum;
        private double longitudeSum;
        private long positions;
        private final Map<LocalDate, Long> millis = new HashMap<>();
        private final List<RecordId> records = new ArrayList<>();

        double latitude() {
            return latitudeSum / positions;
        }

        double longitude() {
            return longitudeSum / positions;
        }
    }

    /** A cell and its ring: where its positions are on average, how long it held the person each day. */
    record Area(double latitude, double longitude, Map<LocalDate, Long> millis, List<RecordId> records) {}

    private final H3Core h3;
    private final int resolution;
    private final Map<Long, Cell> cells = new HashMap<>();

    RevealDaytime(H3Core h3, int resolution) {
        this.h3 = requireNonNull(h3, "h3 is null");
        this.resolution = resolution;
    }

    void add(RecordId record, LocalDate day, double latitude, double longitude, long millis) {
        Cell cell = cells.computeIfAbsent(h3.latLngToCell(latitude, longitude, resolution), index -> new Cell());
        cell.latitudeSum += latitude;
        cell.longitudeSum += longitude;
        cell.positions++;
        cell.millis.merge(day, millis, Long::sum);
        if (cell.records.size() < RevealEvidence.RECORDS) {
            cell.records.add(record);
        }
    }

    /** The area around each cell, made of the cells the filter keeps. */
    List<Area> areas(Predicate<Cell> kept) {
        List<Area> areas = new ArrayList<>();
        cells.forEach((index, centre) -> {
            if (!kept.test(centre)) {
                return;
            }
            double latitudeSum = 0;
            double longitudeSum = 0;
            long positions = 0;
            Map<LocalDate, Long> millis = new HashMap<>();
            List<RecordId> records = new ArrayList<>(centre.records);
            for (long neighbour : h3.gridDisk(index, 1)) {
                Cell cell = cells.get(neighbour);
                if (cell != null && kept.test(cell)) {
                    latitudeSum += cell.latitudeSum;
                    longitudeSum += cell.longitudeSum;
                    positions += cell.positions;
                    cell.millis.forEach((day, time) -> millis.merge(day, time, Long::sum));
                }
            }
            areas.add(new Area(latitudeSum / positions, longitudeSum / positions, millis,
                    records.subList(0, Math.min(records.size(), RevealEvidence.RECORDS))));
        });
        return areas;
    }
}
