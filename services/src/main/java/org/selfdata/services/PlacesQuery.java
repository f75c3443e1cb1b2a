package org.selfdata.services;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimeLimits;
import org.selfdata.texts.Wording;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Which period the places are worked out over, and how fine the density map is.
 *
 * @param from the start of the period, inclusive, when there is one
 * @param to the end of the period, exclusive, when there is one
 * @param resolution the H3 resolution of the density cells: 6 for a region (cells of about 36 km²) down to 9 for a
 *     neighbourhood (about 0.1 km²); finer cells would single out a building, and a map of them would be too large to send
 */
public record PlacesQuery(Optional<Instant> from, Optional<Instant> to, int resolution) {
    public static final int COARSEST_RESOLUTION = 6;
    public static final int FINEST_RESOLUTION = 9;

    public PlacesQuery {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        from.ifPresent(start -> TimeLimits.require(start, ErrorCode.INVALID_ARGUMENT,
                Wording.of("error.services.time.periodStart")));
        to.ifPresent(end -> TimeLimits.require(end, ErrorCode.INVALID_ARGUMENT, Wording.of("error.services.time.periodEnd")));
        if (resolution < COARSEST_RESOLUTION || resolution > FINEST_RESOLUTION) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.services.densityResolution",
                    COARSEST_RESOLUTION, FINEST_RESOLUTION, Integer.toString(resolution)));
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.services.periodStartBeforeEnd"));
        }
    }

    /** Everything the vault holds, at the given resolution. */
    public static PlacesQuery all(int resolution) {
        return new PlacesQuery(Optional.empty(), Optional.empty(), resolution);
    }
}
