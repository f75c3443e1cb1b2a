package org.selfdata.services;

import com.uber.h3core.H3Core;
import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Where a person has been: the places where they spend their time, their trips, and a density map of their location
 * points, worked out from their points, visits and trips in one streaming pass through the gate, as the owner.
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

    private final Gate gate;
    private final RevealCorrections corrections;
    private final H3Core h3;

    public Places(Gate gate, RevealCorrections corrections) {
        this.gate = requireNonNull(gate, "gate is null");
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
        try (Stream<StoredRecord> records = gate.records(new Accessor.Owner(person), recordQuery(PLACE_TYPES, query))) {
            records.forEach(pass::add);
        }
        return pass.summary().correctedBy(corrections.current(person));
    }

    /** The density alone, within the part of the map in view: what a map moved or zoomed needs. */
    public PlacesDensity density(PersonId person, PlacesQuery query, PlacesBounds bounds) {
        PlacesDensityCount count = new PlacesDensityCount(h3, query.resolution(), bounds);
        try (Stream<StoredRecord> records = gate.records(new Accessor.Owner(person),
                recordQuery(Set.of(RecordType.GEO_POINT), query))) {
            records.filter(record -> record.time().span().isPresent()).forEach(record -> {
                GeoPoint point = (GeoPoint) record.payload();
                count.add(point.latitude(), point.longitude());
            });
        }
        return count.density(MAXIMUM_CELLS);
    }

    private static RecordQuery recordQuery(Set<RecordType> types, PlacesQuery query) {
        return RecordQuery.all().withTypes(types).between(query.from(), query.to());
    }
}
