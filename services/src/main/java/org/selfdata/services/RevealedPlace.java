package org.selfdata.services;

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
 */
public record RevealedPlace(double latitude, double longitude, long withinMetres, Optional<String> name,
        Optional<String> kind, Optional<RevealSpecialCategory> special) {
    public RevealedPlace {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(special, "special is null");
    }
}
