package org.selfdata.services;

import java.time.Instant;
import java.util.Optional;

/**
 * A stay at one spot: a visit the source recorded, or one found in the points.
 *
 * @param placeId the source's identifier of the place, which groups its visits even when their positions differ a little
 */
record PlacesVisit(double latitude, double longitude, Optional<String> name, Optional<String> placeId, Instant start,
        Instant end) {}
