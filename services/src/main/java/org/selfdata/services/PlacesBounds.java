package org.selfdata.services;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

/**
 * The part of the map in view, so that a map moved or zoomed fetches the density cells it shows and no others. A
 * view across the antimeridian is not supported: the map of one person's places seldom needs it.
 */
public record PlacesBounds(double south, double west, double north, double east) {
    public PlacesBounds {
        if (!(south >= -90 && north <= 90 && south <= north)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.services.southNorth"));
        }
        if (!(west >= -180 && east <= 180 && west <= east)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.services.westEast"));
        }
    }

    /** The whole world. */
    public static PlacesBounds world() {
        return new PlacesBounds(-90, -180, 90, 180);
    }

    boolean contains(double latitude, double longitude) {
        return latitude >= south && latitude <= north && longitude >= west && longitude <= east;
    }
}
