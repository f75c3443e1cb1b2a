package org.selfdata.gate;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named areas with one reference point each, and the nearest one to a point.
 *
 * <p>Nearest reference point is how an area is found when its boundary is not at hand: exact deep inside an area,
 * approximate within a few kilometres of a boundary, where a point may be given the neighbouring area. Places are
 * kept in a grid of quarter-degree cells so that a lookup among tens of thousands of communes reads a few cells;
 * a few hundred places are simply read in a row.
 */
final class Gazetteer {
    private static final double CELL_DEGREES = 0.25;
    private static final double KILOMETRES_PER_DEGREE = 111.2;

    record Place(Area.Named area, double latitude, double longitude) {}

    /** Below this many places, reading them all is quicker than walking the grid. */
    private static final int FEW = 256;

    private final List<Place> places;
    private final Map<Long, List<Place>> cells = new HashMap<>();

    Gazetteer(List<Place> places) {
        if (places.isEmpty()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.gate.noPlaces"));
        }
        for (Place place : places) {
            cells.computeIfAbsent(key(row(place.latitude), column(place.longitude)), cell -> new ArrayList<>()).add(place);
        }
        this.places = List.copyOf(places);
    }

    /** The place whose reference point is nearest, if one lies within {@code radiusKilometres}. */
    Optional<Area.Named> nearest(double latitude, double longitude, double radiusKilometres) {
        double scale = Math.max(Math.cos(Math.toRadians(latitude)), 0.01);
        if (places.size() < FEW) {
            return nearestOf(places, latitude, longitude, radiusKilometres * radiusKilometres, scale);
        }
        int rings = (int) Math.ceil(radiusKilometres / KILOMETRES_PER_DEGREE / CELL_DEGREES / scale) + 1;
        int row = row(latitude);
        int column = column(longitude);
        Place best = null;
        double bestDistance = radiusKilometres * radiusKilometres;
        for (int ring = 0; ring <= rings; ring++) {
            if (best != null && (ring - 1) * CELL_DEGREES * KILOMETRES_PER_DEGREE * scale > Math.sqrt(bestDistance)) {
                break;
            }
            for (int rowStep = -ring; rowStep <= ring; rowStep++) {
                for (int columnStep = -ring; columnStep <= ring; columnStep++) {
                    if (Math.max(Math.abs(rowStep), Math.abs(columnStep)) != ring) {
                        continue;
                    }
                    for (Place place : cells.getOrDefault(key(row + rowStep, column + columnStep), List.of())) {
                        double distance = squaredKilometres(latitude, longitude, place, scale);
                        if (distance <= bestDistance) {
                            bestDistance = distance;
                            best = place;
                        }
                    }
                }
            }
        }
        return Optional.ofNullable(best).map(Place::area);
    }

    private static Optional<Area.Named> nearestOf(List<Place> places, double latitude, double longitude,
                                                  double squaredRadius, double scale) {
        Place best = null;
        double bestDistance = squaredRadius;
        for (Place place : places) {
            double distance = squaredKilometres(latitude, longitude, place, scale);
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = place;
            }
        }
        return Optional.ofNullable(best).map(Place::area);
    }

    /** Equirectangular: good to a fraction of a percent over the tens of kilometres compared here. */
    private static double squaredKilometres(double latitude, double longitude, Place place, double scale) {
        double north = (place.latitude - latitude) * KILOMETRES_PER_DEGREE;
        double east = (place.longitude - longitude) * KILOMETRES_PER_DEGREE * scale;
        return north * north + east * east;
    }

    private static int row(double latitude) {
        return (int) Math.floor(latitude / CELL_DEGREES);
    }

    private static int column(double longitude) {
        return (int) Math.floor(longitude / CELL_DEGREES);
    }

    private static long key(int row, int column) {
        return ((long) row << 32) ^ (column & 0xffffffffL);
    }
}
