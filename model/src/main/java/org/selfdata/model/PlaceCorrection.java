package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One correction the person made of a place selfdata found in their locations: they confirmed it, named it, marked it
 * wrong, or took back what they said before. Corrections are kept one after the other, none replacing another: the
 * latest for a place is what holds, the earlier ones are its history.
 *
 * <p>The place is told by its key, which stays the same however the place found drifts between two passes, and by the
 * position the person corrected. The key is an H3 cell's index in lower-case hexadecimal; which resolution, and that it
 * is the cell of the position, the service that gives keys checks (it holds the H3 library).
 *
 * @param name the person's name for the place, with the verdict {@link PlaceVerdict#NAMED} only: from 1 to
 *     {@link #MAXIMUM_NAME_LENGTH} characters once the spaces at either end are left out, without control characters
 * @param at when the person made the correction
 */
public record PlaceCorrection(String key, double latitude, double longitude, PlaceVerdict verdict, Optional<String> name,
        Instant at) {
    /** Enough for "Maison", "Fac" or "Salle d'escalade du quartier de la Croix-Rousse", short enough for a map label. */
    public static final int MAXIMUM_NAME_LENGTH = 80;
    private static final Pattern KEY_SHAPE = Pattern.compile("[0-9a-f]{15}");

    public PlaceCorrection {
        requireKey(key);
        requirePosition(latitude, longitude);
        requireNonNull(verdict, "verdict is null");
        requireNonNull(name, "name is null");
        requireNonNull(at, "at is null");
        name = name.map(String::strip);
        if (verdict == PlaceVerdict.NAMED) {
            requireName(name.orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("reveal.place.nameRequired", MAXIMUM_NAME_LENGTH))));
        }
        else if (name.isPresent()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("reveal.place.nameUnexpected"));
        }
    }

    /** Refuses what is not the shape of a place's key, naming the field and never quoting the value. */
    public static String requireKey(String key) {
        if (key == null || !KEY_SHAPE.matcher(key).matches()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("reveal.place.key"));
        }
        return key;
    }

    private static void requirePosition(double latitude, double longitude) {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("reveal.place.latitude"));
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("reveal.place.longitude"));
        }
    }

    private static void requireName(String name) {
        if (name.isEmpty() || name.length() > MAXIMUM_NAME_LENGTH) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("reveal.place.nameLength",
                    MAXIMUM_NAME_LENGTH));
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("reveal.place.nameControl"));
        }
    }
}
