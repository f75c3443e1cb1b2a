package org.selfdata.gate;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.SelfdataException;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which country a point is in, from the GeoNames country shapes (CC BY 4.0) that the reverse-country-code artifact
 * bundles: 247 countries and territories, simplified to about a kilometre.
 *
 * <p>Only the data is used. Because the shapes are simplified, a point within a kilometre or so of a border or a coast
 * may be given the neighbour; a point at sea within 25 km of a coast gets the country of that coast, one farther out
 * no country at all. A recipient then learns less, never a coordinate. Territories with
 * their own ISO 3166-1 code (Guadeloupe, Réunion, Monaco) are their own countries here, as in ISO.
 */
final class Countries {
    private static final String SHAPES = "/shapes_simplified_low.json";
    private static final String NAMES = "/countryInfo.txt";
    private static final int GRID_COLUMNS = 360;
    private static final int GRID_ROWS = 180;
    private static final double COAST_KILOMETRES = 25;
    private static final double KILOMETRES_PER_DEGREE = 111.2;

    private final List<List<Shape>> grid;
    /** Per grid cell, the country filling it whole, when no outline crosses it: most points are found here at once. */
    private final Area.Named[] interiors;

    private record Shape(Area.Named country, double[][] rings, double west, double south, double east, double north) {
        boolean contains(double latitude, double longitude) {
            if (longitude < west || longitude > east || latitude < south || latitude > north) {
                return false;
            }
            boolean inside = false;
            for (double[] ring : rings) {
                inside ^= ringContains(ring, latitude, longitude);
            }
            return inside;
        }

        /** The distance to the nearest edge, in km, measured on a plane scaled to the point's latitude. */
        double kilometresTo(double latitude, double longitude, double scale) {
            double nearest = Double.POSITIVE_INFINITY;
            for (double[] ring : rings) {
                for (int index = 0, previous = ring.length - 2; index < ring.length; previous = index, index += 2) {
                    nearest = Math.min(nearest, segmentKilometres(ring[previous], ring[previous + 1], ring[index],
                            ring[index + 1], latitude, longitude, scale));
                }
            }
            return nearest;
        }

        private static double segmentKilometres(double longitudeA, double latitudeA, double longitudeB, double latitudeB,
                                                double latitude, double longitude, double scale) {
            double ax = (longitudeA - longitude) * scale;
            double ay = latitudeA - latitude;
            double bx = (longitudeB - longitude) * scale;
            double by = latitudeB - latitude;
            double dx = bx - ax;
            double dy = by - ay;
            double length = dx * dx + dy * dy;
            double along = length == 0 ? 0 : Math.clamp(-(ax * dx + ay * dy) / length, 0, 1);
            return Math.hypot(ax + along * dx, ay + along * dy) * KILOMETRES_PER_DEGREE;
        }

        /** Even-odd rule; a ring is longitude, latitude pairs, as GeoJSON orders them. */
        private static boolean ringContains(double[] ring, double latitude, double longitude) {
            boolean inside = false;
            for (int index = 0, previous = ring.length - 2; index < ring.length; previous = index, index += 2) {
                double longitudeA = ring[index];
                double latitudeA = ring[index + 1];
                double longitudeB = ring[previous];
                double latitudeB = ring[previous + 1];
                if ((latitudeA > latitude) != (latitudeB > latitude)
                        && longitude < (longitudeB - longitudeA) * (latitude - latitudeA) / (latitudeB - latitudeA)
                                + longitudeA) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }

    private Countries(List<Shape> shapes) {
        grid = new ArrayList<>(GRID_COLUMNS * GRID_ROWS);
        for (int cell = 0; cell < GRID_COLUMNS * GRID_ROWS; cell++) {
            grid.add(new ArrayList<>(1));
        }
        for (Shape shape : shapes) {
            for (int row = row(shape.south); row <= row(shape.north); row++) {
                for (int column = column(shape.west); column <= column(shape.east); column++) {
                    grid.get(row * GRID_COLUMNS + column).add(shape);
                }
            }
        }
        interiors = interiors(shapes);
    }

    private Area.Named[] interiors(List<Shape> shapes) {
        boolean[] crossed = new boolean[GRID_COLUMNS * GRID_ROWS];
        for (Shape shape : shapes) {
            for (double[] ring : shape.rings) {
                for (int index = 0, previous = ring.length - 2; index < ring.length; previous = index, index += 2) {
                    int firstRow = row(Math.min(ring[index + 1], ring[previous + 1]));
                    int lastRow = row(Math.max(ring[index + 1], ring[previous + 1]));
                    int firstColumn = column(Math.min(ring[index], ring[previous]));
                    int lastColumn = column(Math.max(ring[index], ring[previous]));
                    for (int row = firstRow; row <= lastRow; row++) {
                        for (int column = firstColumn; column <= lastColumn; column++) {
                            crossed[row * GRID_COLUMNS + column] = true;
                        }
                    }
                }
            }
        }
        Area.Named[] filled = new Area.Named[GRID_COLUMNS * GRID_ROWS];
        for (int cell = 0; cell < filled.length; cell++) {
            if (!crossed[cell]) {
                double latitude = cell / GRID_COLUMNS - 90 + 0.5;
                double longitude = cell % GRID_COLUMNS - 180 + 0.5;
                for (Shape shape : grid.get(cell)) {
                    if (shape.contains(latitude, longitude)) {
                        filled[cell] = shape.country;
                    }
                }
            }
        }
        return filled;
    }

    static Countries bundled() {
        Map<String, Area.Named> byGeoNameId = names();
        List<Shape> shapes = new ArrayList<>();
        JsonNode collection = PayloadCodec.mapper().readTree(resource(SHAPES));
        for (JsonNode feature : collection.get("features")) {
            Area.Named country = byGeoNameId.get(feature.get("properties").get("geoNameId").asString());
            if (country == null) {
                continue;
            }
            JsonNode geometry = feature.get("geometry");
            JsonNode coordinates = geometry.get("coordinates");
            switch (geometry.get("type").asString()) {
                case "Polygon" -> shapes.add(shape(country, coordinates));
                case "MultiPolygon" -> coordinates.forEach(polygon -> shapes.add(shape(country, polygon)));
                default -> throw new SelfdataException(ErrorCode.INTERNAL, "the country shapes hold an unknown geometry");
            }
        }
        return new Countries(shapes);
    }

    /**
     * The country holding the point or, as simplified coasts cut off many a port and beach, the country whose
     * outline passes within {@value #COAST_KILOMETRES} km of it.
     */
    Optional<Area.Named> country(double latitude, double longitude) {
        int cell = row(latitude) * GRID_COLUMNS + column(longitude);
        if (interiors[cell] != null) {
            return Optional.of(interiors[cell]);
        }
        for (Shape shape : grid.get(cell)) {
            if (shape.contains(latitude, longitude)) {
                return Optional.of(shape.country);
            }
        }
        return nearestCoast(latitude, longitude);
    }

    private Optional<Area.Named> nearestCoast(double latitude, double longitude) {
        double scale = Math.max(Math.cos(Math.toRadians(latitude)), 0.01);
        Area.Named nearest = null;
        double nearestKilometres = COAST_KILOMETRES;
        for (int row = row(latitude) - 1; row <= row(latitude) + 1; row++) {
            for (int column = column(longitude) - 1; column <= column(longitude) + 1; column++) {
                if (row < 0 || row >= GRID_ROWS) {
                    continue;
                }
                for (Shape shape : grid.get(row * GRID_COLUMNS + Math.floorMod(column, GRID_COLUMNS))) {
                    double kilometres = shape.kilometresTo(latitude, longitude, scale);
                    if (kilometres < nearestKilometres) {
                        nearestKilometres = kilometres;
                        nearest = shape.country;
                    }
                }
            }
        }
        return Optional.ofNullable(nearest);
    }

    private static Shape shape(Area.Named country, JsonNode polygon) {
        double[][] rings = new double[polygon.size()][];
        double west = 180;
        double south = 90;
        double east = -180;
        double north = -90;
        for (int ringIndex = 0; ringIndex < rings.length; ringIndex++) {
            JsonNode ring = polygon.get(ringIndex);
            double[] points = new double[ring.size() * 2];
            for (int index = 0; index < ring.size(); index++) {
                points[index * 2] = ring.get(index).get(0).doubleValue();
                points[index * 2 + 1] = ring.get(index).get(1).doubleValue();
                west = Math.min(west, points[index * 2]);
                east = Math.max(east, points[index * 2]);
                south = Math.min(south, points[index * 2 + 1]);
                north = Math.max(north, points[index * 2 + 1]);
            }
            rings[ringIndex] = points;
        }
        return new Shape(country, rings, west, south, east, north);
    }

    /** ISO code and English name by GeoNames id, from GeoNames' tab-separated country table. */
    private static Map<String, Area.Named> names() {
        Map<String, Area.Named> byGeoNameId = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource(NAMES), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] columns = line.split("\t", -1);
                if (!line.startsWith("#") && columns.length > 16) {
                    byGeoNameId.put(columns[16], new Area.Named("country", columns[0], columns[4]));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byGeoNameId;
    }

    private static InputStream resource(String name) {
        InputStream stream = Countries.class.getResourceAsStream(name);
        if (stream == null) {
            throw new SelfdataException(ErrorCode.INTERNAL, "the country shapes " + name + " are not on the class path");
        }
        return stream;
    }

    private static int row(double latitude) {
        return Math.clamp((int) Math.floor(latitude + 90), 0, GRID_ROWS - 1);
    }

    private static int column(double longitude) {
        return Math.clamp((int) Math.floor(longitude + 180), 0, GRID_COLUMNS - 1);
    }
}
