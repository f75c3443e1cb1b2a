package org.selfdata.services;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.GeoTrip;
import org.selfdata.model.GeoVisit;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A location record as the services that go through a person's whole history take it: a point, a visit or a trip,
 * timed, its payload decoded once. Points, by far the most, carry only what those services use of them, so that the
 * {@link LocationCache} can keep half a million of them in a few tens of megabytes.
 */
sealed interface Located permits Located.Point, Located.Spanned {
    RecordId id();

    long startMillis();

    long endMillis();

    /** The record as a service takes it, or nothing for one without a time or of another type: no service uses those. */
    static Optional<Located> of(StoredRecord record) {
        if (!(record.time() instanceof TimeSpan span)) {
            return Optional.empty();
        }
        if (record.type() == RecordType.GEO_POINT) {
            return Optional.of(PointJson.read(record.id(), span.endMillis(), record.payloadJson()));
        }
        return switch (record.payload()) {
            case GeoVisit visit -> Optional.of(new Visit(record.id(), span, visit));
            case GeoTrip trip -> Optional.of(new Trip(record.id(), span, trip));
            default -> Optional.empty();
        };
    }

    /** A point: when (its id says when it starts) and where, with the activity the phone recognized, if any. */
    record Point(RecordId id, long endMillis, double latitude, double longitude, CarbonInference.Activity activity)
            implements Located {
        public Point {
            requireNonNull(id, "id is null");
            requireNonNull(activity, "activity is null");
            if (id.type() != RecordType.GEO_POINT) {
                throw new SelfdataException(ErrorCode.INTERNAL, "a point's id is not of a point: " + id);
            }
        }

        @Override
        public long startMillis() {
            return id.startMillis();
        }
    }

    /** A visit or a trip: records the source made of a span of time, few beside the points. */
    sealed interface Spanned extends Located permits Visit, Trip {
        TimeSpan time();

        @Override
        default long startMillis() {
            return time().startMillis();
        }

        @Override
        default long endMillis() {
            return time().endMillis();
        }
    }

    /** A visit the source recorded, over its span. */
    record Visit(RecordId id, TimeSpan time, GeoVisit visit) implements Spanned {
        public Visit {
            requireNonNull(id, "id is null");
            requireNonNull(time, "time is null");
            requireNonNull(visit, "visit is null");
        }
    }

    /** A trip the source recorded, over its span. */
    record Trip(RecordId id, TimeSpan time, GeoTrip trip) implements Spanned {
        public Trip {
            requireNonNull(id, "id is null");
            requireNonNull(time, "time is null");
            requireNonNull(trip, "trip is null");
        }
    }
}
