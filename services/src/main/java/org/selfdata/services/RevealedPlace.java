package org.selfdata.services;

import org.selfdata.model.PlaceCorrection;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A place found in the person's locations.
 *
 * @param withinMetres how far from the given position the place may be, from what the locations tell: the place
 *     radius for exact positions, the distance from an H3 cell's centre to its corners for cells
 * @param name what a visit's source called the place, when it did
 * @param kind what a visit's source says the place is, when it does
 * @param special the special category of data that going there may reveal, from the kind or the name
 * @param key the place's stable key ({@link PlaceKeys}): that of the person's correction when one holds for the place,
 *     so that a new correction supersedes it, else that of the position found
 * @param yours what the person said of the place, when a correction of theirs within {@code withinMetres} holds
 */
public record RevealedPlace(double latitude, double longitude, long withinMetres, Optional<String> name,
        Optional<String> kind, Optional<RevealSpecialCategory> special, String key, Optional<PlaceCorrection> yours) {
    public RevealedPlace {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(special, "special is null");
        PlaceCorrection.requireKey(key);
        requireNonNull(yours, "yours is null");
    }

    /** The same place as the person corrected it, under the key of their correction. */
    RevealedPlace correctedBy(PlaceCorrection correction) {
        return new RevealedPlace(latitude, longitude, withinMetres, name, kind, special, correction.key(),
                Optional.of(correction));
    }
}
