package org.selfdata.services;

import com.uber.h3core.H3Core;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PlaceCorrection;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.IOException;

import static java.util.Objects.requireNonNull;

/**
 * The stable key of a place found in the person's locations: the H3 cell, at resolution {@link #RESOLUTION}, of the
 * place's centre, as its 15 lower-case hexadecimal digits. Two passes over the same locations find a place at nearly
 * the same centre, and the person's correction of it keeps that key whatever the next pass finds.
 *
 * <p>Resolution 10 has cells about 66 metres along an edge, so two positions in one cell are within about
 * {@link PlacesStays#STAY_RADIUS_METRES} of each other: one place, by the stay detection's own radius. A coarser cell
 * could hold two places the detection tells apart; a finer one would only make the key longer.
 */
public final class PlaceKeys {
    public static final int RESOLUTION = 10;

    private final H3Core h3;

    public PlaceKeys() {
        try {
            h3 = H3Core.newInstance();
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "the H3 library could not be loaded", e);
        }
    }

    PlaceKeys(H3Core h3) {
        this.h3 = requireNonNull(h3, "h3 is null");
    }

    /**
     * The key of the place centred at this position, given to a millionth of a degree as the API gives positions, so
     * that the position an answer shows has the key the answer shows with it.
     */
    public String key(double latitude, double longitude) {
        return h3.latLngToCellAddress(millionths(latitude), millionths(longitude), RESOLUTION);
    }

    private static double millionths(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    /** Refuses a key that is not that of the place centred at this position, naming the fields, quoting none. */
    public void requireMatches(String key, double latitude, double longitude) {
        PlaceCorrection.requireKey(key);
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("reveal.place.latitude"));
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("reveal.place.longitude"));
        }
        if (!key.equals(key(latitude, longitude))) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("reveal.place.keyMismatch", RESOLUTION,
                    Math.round(PlacesStays.STAY_RADIUS_METRES)));
        }
    }
}
