package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.Locale;

/**
 * How precisely a recipient may learn where the person was.
 *
 * <p>Levels are ordered by the area they leave the person somewhere in, so that any two precisions compare, even an
 * H3 cell with an administrative area: {@link #isAtMost} is what lets a grant be checked against what a recipient's
 * declared purpose needs. Areas are averages (an H3 cell's, or a French commune's, département's or region's), which is
 * what an ordering for consent needs; the transform itself uses the real cell or area.
 *
 * @param level the kind of area
 * @param resolution the H3 resolution, 0 (continents) to 15 (a square metre); 0 for every other level
 */
public record LocationPrecision(Level level, int resolution) {
    public static final LocationPrecision EXACT = new LocationPrecision(Level.EXACT, 0);
    public static final LocationPrecision COMMUNE = new LocationPrecision(Level.COMMUNE, 0);
    public static final LocationPrecision DEPARTMENT = new LocationPrecision(Level.DEPARTMENT, 0);
    public static final LocationPrecision REGION = new LocationPrecision(Level.REGION, 0);
    public static final LocationPrecision COUNTRY = new LocationPrecision(Level.COUNTRY, 0);
    public static final LocationPrecision NONE = new LocationPrecision(Level.NONE, 0);

    /** Average H3 cell areas in km², resolutions 0 to 15, from H3's published table. */
    private static final double[] H3_AREAS = {
        4_357_449.416, 609_788.441, 86_801.780, 12_393.434, 1_770.347, 252.903, 36.129, 5.161,
        0.737, 0.105, 0.015, 0.002_149, 0.000_307, 0.000_043_9, 0.000_006_27, 0.000_000_895};

    public enum Level {
        EXACT, H3, COMMUNE, DEPARTMENT, REGION, COUNTRY, NONE
    }

    public LocationPrecision {
        if (level == null) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.locationPrecisionLevelMissing"));
        }
        if (level == Level.H3 ? resolution < 0 || resolution > 15 : resolution != 0) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.h3Resolution", level.toString(), Integer.toString(resolution)));
        }
    }

    public static LocationPrecision h3(int resolution) {
        return new LocationPrecision(Level.H3, resolution);
    }

    /** Reads a term such as {@code exact}, {@code h3:7}, {@code commune}, {@code department}, {@code region}. */
    public static LocationPrecision parse(String term) {
        String text = term.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("h3:")) {
            try {
                return h3(Integer.parseInt(text.substring(3)));
            }
            catch (NumberFormatException e) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.h3Precision"));
            }
        }
        return switch (text) {
            case "exact" -> EXACT;
            case "commune" -> COMMUNE;
            case "department", "departement", "département" -> DEPARTMENT;
            case "region" -> REGION;
            case "country" -> COUNTRY;
            case "none" -> NONE;
            default -> throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.locationPrecisionUnknown", Terms.bounded(term)));
        };
    }

    public String term() {
        return level == Level.H3 ? "h3:" + resolution : level.name().toLowerCase(Locale.ROOT);
    }

    /** The average area in km² this precision leaves the person in: 0 for exact, infinite for none. */
    public double areaSquareKilometres() {
        return switch (level) {
            case EXACT -> 0;
            case H3 -> H3_AREAS[resolution];
            case COMMUNE -> 15;
            case DEPARTMENT -> 5_700;
            case REGION -> 42_000;
            case COUNTRY -> 550_000;
            case NONE -> Double.POSITIVE_INFINITY;
        };
    }

    /** True when this precision tells no more than {@code ceiling}: its area is at least as large. */
    public boolean isAtMost(LocationPrecision ceiling) {
        return areaSquareKilometres() >= ceiling.areaSquareKilometres();
    }

    @Override
    public String toString() {
        return term();
    }
}
