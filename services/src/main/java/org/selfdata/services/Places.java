package org.selfdata.services;

import com.uber.h3core.H3Core;
import org.selfdata.gate.Gate;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;

import java.io.IOException;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Where a person has been: the places where they spend their time, their trips, and a density map of their location
 * points, worked out from their points, visits and trips in one pass, read through the gate as the owner (and kept a
 * while by the {@link LocationCache}).
 *
 * <p>The answer is bounded whatever the period: the {@link #TOP} places and trips, and at most {@link #MAXIMUM_CELLS}
 * density cells, so that the page receives what it draws and no more.
 */
public final class Places {
    /** How many places, and how many trips, a summary lists. */
    public static final int TOP = 20;
    /** A few thousand hexagons draw quickly on a map and keep the answer under a megabyte. */
    public static final int MAXIMUM_CELLS = 3_000;

    private static final Set<RecordType> PLACE_TYPES = Set.of(RecordType.GEO_POINT, RecordType.GEO_VISIT, RecordType.GEO_TRIP);

    private final RevealCorrections corrections;
    private final H3Core h3;
    private final LocationCache locationCache;

    public Places(Gate gate, RevealCorrections corrections) {
        this(new LocationCache(gate), corrections);
    }

    /** Reads the locations through a cache the other services that read them all share. */
    public Places(LocationCache locationCache, RevealCorrections corrections) {
        this.locationCache = requireNonNull(locationCache, "locationCache is null");
        this.corrections = requireNonNull(corrections, "corrections is null");
        try {
            h3 = H3Core.newInstance();
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "the H3 library could not be loaded", e);
        }
    }

    /** The places of the period, named as the person named them ({@link RevealCorrections}) before as the source did. */
    public PlacesSummary summary(PersonId person, PlacesQuery query) {
        PlacesPass pass = new PlacesPass(h3, query.resolution());
        locationCache.read(person, PLACE_TYPES, query.from(), query.to(), true, pass::add);
        return pass.summary().correctedBy(corrections.current(person));
    }

    /** The density alone, within the part of the map in view: what a map moved or zoomed needs. */
    public PlacesDensity density(PersonId person, PlacesQuery query, PlacesBounds bounds) {
        PlacesDensityCount count = new PlacesDensityCount(h3, query.resolution(), bounds);
        locationCache.read(person, Set.of(RecordType.GEO_POINT), query.from(), query.to(), true, located -> {
            if (located instanceof Located.Point point) {
                count.add(point.latitude(), point.longitude());
            }
        });
        return count.density(MAXIMUM_CELLS);
    }
}
