package org.selfdata.gate;

import org.selfdata.model.AmountPrecision;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.CalendarEvent;
import org.selfdata.model.EnergyReading;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.GeoTrip;
import org.selfdata.model.GeoVisit;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.Payload;
import org.selfdata.model.Precision;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordTime;
import org.selfdata.model.TimePrecision;
import org.selfdata.model.TimeSpan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Moves a record as far as a grant's precision allows without the recipient being able to tell: its times within
 * their units, its places within their areas, its amounts within their band or step, and every field the grant does
 * not share changed outright. Written from what a grant promises, not from the gate's code: a record moved here must
 * look the same to the recipient, or the gate lets out more than its grant says.
 */
final class BelowPrecision {
    private static final long[] BAND_BOUNDS = {0, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000};
    private static final int MOVES = 24;

    private final Precision precision;
    private final Set<String> named;
    private final Times times;
    private final Geography geography;
    private final Random random;

    BelowPrecision(Precision precision, Set<String> named, ZoneId zone, Geography geography, Random random) {
        this.precision = precision;
        this.named = named;
        this.times = new Times(precision.time(), zone);
        this.geography = geography;
        this.random = random;
    }

    RecordDraft move(RecordDraft draft) {
        return new RecordDraft(move(draft.time()), move(draft.payload()), draft.category(), draft.position());
    }

    /** A record without a time has nothing below the precision to move. */
    private RecordTime move(RecordTime time) {
        return switch (time) {
            case TimeSpan span -> move(span);
            case RecordTime.Untimed untimed -> untimed;
        };
    }

    private TimeSpan move(TimeSpan time) {
        if (precision.time() == TimePrecision.EXACT) {
            return time;
        }
        Instant unit = times.floor(time.start());
        Instant start = within(unit, times.next(unit));
        if (time.isInstant()) {
            return TimeSpan.at(start);
        }
        Instant endUnit = times.ceiling(time.end());
        Instant end = endUnit.equals(time.end()) ? time.end() : within(times.floor(time.end()), endUnit).plusMillis(1);
        return TimeSpan.between(start, end.isAfter(start) ? end : endUnit);
    }

    private Instant within(Instant from, Instant until) {
        return from.plusMillis((long) (random.nextDouble() * (until.toEpochMilli() - from.toEpochMilli())));
    }

    private Payload move(Payload payload) {
        return switch (payload) {
            case GeoPoint point -> point(point);
            case GeoVisit visit -> visit(visit);
            case GeoTrip trip -> trip(trip);
            case BankTransaction transaction -> transaction(transaction);
            case EnergyReading reading -> reading;
            case CalendarEvent event -> event(event);
            default -> throw new IllegalArgumentException("no move for " + payload.type());
        };
    }

    private GeoPoint point(GeoPoint point) {
        double[] moved = place(point.latitude(), point.longitude());
        return new GeoPoint(moved[0], moved[1], locationDetail(point.accuracyMeters(), () -> random.nextInt(90)),
                locationDetail(point.altitudeMeters(), () -> random.nextDouble() * 900), point.origin(), point.activity(),
                point.device());
    }

    private GeoVisit visit(GeoVisit visit) {
        double[] moved = place(visit.latitude(), visit.longitude());
        return new GeoVisit(moved[0], moved[1], locationText("placeName", visit.placeName()),
                locationText("address", visit.address()), locationDetail(visit.placeId(), () -> "ChIJ" + random.nextLong()),
                visit.semanticType(), visit.confidence());
    }

    private GeoTrip trip(GeoTrip trip) {
        double[] start = place(trip.startLatitude(), trip.startLongitude());
        double[] end = place(trip.endLatitude(), trip.endLongitude());
        List<GeoTrip.Waypoint> waypoints = trip.waypoints().stream().map(waypoint -> {
            double[] moved = place(waypoint.latitude(), waypoint.longitude());
            return new GeoTrip.Waypoint(moved[0], moved[1]);
        }).toList();
        // A path moved within its areas is as long as the moved points make it, not as long as it was.
        Optional<Long> distance = exactLocation() ? trip.distanceMeters() : Optional.of(Math.round(metres(start, end)));
        return new GeoTrip(start[0], start[1], end[0], end[1], trip.mode(), distance, waypoints);
    }

    private BankTransaction transaction(BankTransaction transaction) {
        return new BankTransaction(transaction.account(), date(transaction.bookingDate()),
                transaction.valueDate().map(this::date), amount(transaction.amount()), transaction.currency(),
                freeText("label", transaction.label()), freeText("counterparty", transaction.counterparty()),
                transaction.reference(), freeText("memo", transaction.memo()), transaction.kind(),
                freeText("bankCategory", transaction.bankCategory()));
    }

    private CalendarEvent event(CalendarEvent event) {
        return new CalendarEvent(event.uid(), freeText("summary", event.summary()),
                freeText("description", event.description()), locationText("location", event.location()), event.allDay(),
                locationDetail(event.timeZone(), () -> "America/Montreal"),
                precision.time() == TimePrecision.EXACT ? event.recurrence() : Optional.of("FREQ=DAILY;COUNT=9"),
                event.status(), event.organizer(), event.attendees());
    }

    private double[] place(double latitude, double longitude) {
        LocationPrecision location = precision.location();
        if (location.level() == LocationPrecision.Level.EXACT) {
            return new double[] {latitude, longitude};
        }
        double scale = 0.5;
        for (int attempt = 0; attempt < MOVES; attempt++, scale /= 2) {
            double movedLatitude = Math.clamp(latitude + (random.nextDouble() - 0.5) * scale, -90, 90);
            double movedLongitude = Math.clamp(longitude + (random.nextDouble() - 0.5) * scale, -180, 180);
            if (location.level() == LocationPrecision.Level.NONE || geography.area(movedLatitude, movedLongitude, location)
                    .equals(geography.area(latitude, longitude, location))) {
                return new double[] {movedLatitude, movedLongitude};
            }
        }
        return new double[] {latitude, longitude};
    }

    private LocalDate date(LocalDate date) {
        return switch (precision.time()) {
            case EXACT, HOUR, DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(random.nextInt(7));
            case MONTH -> date.withDayOfMonth(1 + random.nextInt(date.lengthOfMonth()));
        };
    }

    private BigDecimal amount(BigDecimal amount) {
        AmountPrecision amounts = precision.amount();
        for (int attempt = 0; attempt < MOVES; attempt++) {
            BigDecimal moved = amount.add(BigDecimal.valueOf(random.nextInt(20_001) - 10_000, 2));
            boolean alike = switch (amounts.level()) {
                case EXACT -> moved.compareTo(amount) == 0;
                case ROUNDED -> rounded(moved, amounts.step()).equals(rounded(amount, amounts.step()));
                case BANDED -> moved.signum() == amount.signum() && band(moved) == band(amount);
                case NONE -> true;
            };
            if (alike) {
                return moved;
            }
        }
        return amount;
    }

    private static BigDecimal rounded(BigDecimal amount, int step) {
        BigDecimal size = BigDecimal.valueOf(step);
        return amount.divide(size).setScale(0, RoundingMode.HALF_UP).multiply(size);
    }

    private static int band(BigDecimal amount) {
        int band = BAND_BOUNDS.length - 1;
        while (amount.abs().compareTo(BigDecimal.valueOf(BAND_BOUNDS[band])) < 0) {
            band--;
        }
        return band;
    }

    private String freeText(String field, String text) {
        return named.contains(field) ? text : "autre " + random.nextInt(1_000_000);
    }

    private Optional<String> freeText(String field, Optional<String> text) {
        return text.map(value -> freeText(field, value));
    }

    private Optional<String> locationText(String field, Optional<String> text) {
        return exactLocation() && named.contains(field) ? text : text.map(value -> "ailleurs " + random.nextInt(1_000_000));
    }

    private <T> Optional<T> locationDetail(Optional<T> value, java.util.function.Supplier<T> other) {
        return exactLocation() ? value : value.map(present -> other.get());
    }

    private boolean exactLocation() {
        return precision.location().level() == LocationPrecision.Level.EXACT;
    }

    /** The great-circle distance between two points, in metres. */
    static double metres(double[] from, double[] to) {
        double latitude = Math.toRadians(to[0] - from[0]);
        double longitude = Math.toRadians(to[1] - from[1]);
        double a = Math.pow(Math.sin(latitude / 2), 2)
                + Math.cos(Math.toRadians(from[0])) * Math.cos(Math.toRadians(to[0])) * Math.pow(Math.sin(longitude / 2), 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
    }
}
