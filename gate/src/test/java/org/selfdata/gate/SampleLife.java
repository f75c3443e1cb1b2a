package org.selfdata.gate;

import org.selfdata.model.BankTransaction;
import org.selfdata.model.CalendarEvent;
import org.selfdata.model.EnergyReading;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.GeoTrip;
import org.selfdata.model.GeoVisit;
import org.selfdata.model.Payload;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordType;
import org.selfdata.model.TimeSpan;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Three months of a person's life as random records of every kind a recipient is commonly granted: positions, visits,
 * trips, bank lines, meter readings and calendar events, around the clocks going forward in Paris on 30 March 2025.
 */
final class SampleLife {
    static final Instant FIRST = Instant.parse("2025-02-10T00:00:00Z");
    static final Instant LAST = Instant.parse("2025-05-10T00:00:00Z");
    static final List<RecordType> TYPES = List.of(RecordType.GEO_POINT, RecordType.GEO_VISIT, RecordType.GEO_TRIP,
            RecordType.BANK_TRANSACTION, RecordType.ENERGY_READING, RecordType.CALENDAR_EVENT);
    private static final double[][] TOWNS = {{45.7578, 4.8320}, {48.8566, 2.3522}, {43.2965, 5.3698}, {45.1885, 5.7245}};
    private static final String[] ACTIVITIES = {"WALKING", "STILL", "IN_VEHICLE", "ON_BICYCLE"};

    private final Random random;
    private final ZoneId zone;

    SampleLife(Random random, ZoneId zone) {
        this.random = random;
        this.zone = zone;
    }

    /** {@code count} records of the given types, in no particular order of time, as an importer would give them. */
    List<RecordDraft> records(int count, List<RecordType> types) {
        List<RecordDraft> records = new ArrayList<>(count);
        for (int line = 1; line <= count; line++) {
            RecordType type = types.get(random.nextInt(types.size()));
            records.add(record(type, line));
        }
        return records;
    }

    private RecordDraft record(RecordType type, int line) {
        Instant start = instant();
        return switch (type) {
            case GEO_POINT -> draft(TimeSpan.at(start), point(), line);
            case GEO_VISIT -> draft(span(start, 20, 600), visit(), line);
            case GEO_TRIP -> draft(span(start, 5, 120), trip(), line);
            case BANK_TRANSACTION -> draft(TimeSpan.day(start.atZone(zone).toLocalDate(), zone),
                    transaction(start.atZone(zone).toLocalDate()), line);
            case ENERGY_READING -> draft(TimeSpan.between(start, start.plus(Duration.ofMinutes(30))), reading(), line);
            case CALENDAR_EVENT -> draft(span(start, 30, 240), event(line), line);
            case BANK_ACCOUNT, CONTACT, SOCIAL_MESSAGE, SOCIAL_POST, DOCUMENT ->
                    throw new IllegalArgumentException("no sample life holds " + type);
        };
    }

    private static RecordDraft draft(TimeSpan time, Payload payload, int line) {
        return RecordDraft.of(time, payload, Position.line(line));
    }

    private Instant instant() {
        return FIRST.plusMillis((long) (random.nextDouble() * Duration.between(FIRST, LAST).toMillis()));
    }

    private TimeSpan span(Instant start, int shortestMinutes, int longestMinutes) {
        long minutes = shortestMinutes + random.nextInt(longestMinutes - shortestMinutes);
        return TimeSpan.between(start, start.plus(Duration.ofMinutes(minutes)).plusMillis(random.nextInt(60_000)));
    }

    private double[] place() {
        double[] town = TOWNS[random.nextInt(TOWNS.length)];
        return new double[] {town[0] + (random.nextDouble() - 0.5) * 0.1, town[1] + (random.nextDouble() - 0.5) * 0.1};
    }

    private GeoPoint point() {
        double[] place = place();
        return new GeoPoint(place[0], place[1], Optional.of(3 + random.nextInt(50)), Optional.of(150 + random.nextDouble() * 50),
                Optional.of("GPS"), Optional.of(ACTIVITIES[random.nextInt(ACTIVITIES.length)]), Optional.of("phone-1"));
    }

    private GeoVisit visit() {
        double[] place = place();
        return new GeoVisit(place[0], place[1], Optional.of("Chez " + random.nextInt(1000)),
                Optional.of(random.nextInt(200) + " rue de la République"), Optional.of("ChIJ" + random.nextInt(100_000)),
                Optional.of("TYPE_HOME"), Optional.of(random.nextDouble()));
    }

    private GeoTrip trip() {
        double[] start = place();
        double[] end = place();
        double[] middle = {(start[0] + end[0]) / 2, (start[1] + end[1]) / 2};
        return new GeoTrip(start[0], start[1], end[0], end[1], Optional.of("WALKING"),
                Optional.of(Math.round(BelowPrecision.metres(start, end))),
                List.of(new GeoTrip.Waypoint(start[0], start[1]), new GeoTrip.Waypoint(middle[0], middle[1]),
                        new GeoTrip.Waypoint(end[0], end[1])));
    }

    private BankTransaction transaction(LocalDate day) {
        BigDecimal amount = BigDecimal.valueOf(random.nextInt(400_000) - 300_000, 2);
        return new BankTransaction("FR7630001007941234567890185", day, Optional.of(day.plusDays(random.nextInt(3))),
                amount, "EUR", "CB CARREFOUR " + random.nextInt(100), Optional.of("Linda " + random.nextInt(100)),
                Optional.of("FITID" + random.nextInt(1_000_000)), Optional.of("12 rue des Lilas"),
                Optional.of("DEBIT"), Optional.of("[linda]"));
    }

    private EnergyReading reading() {
        return new EnergyReading("09876543210987", EnergyReading.Quantity.ENERGY,
                BigDecimal.valueOf(random.nextInt(3_000)), Optional.of(30), Optional.empty());
    }

    private CalendarEvent event(int line) {
        return new CalendarEvent("event-" + line + "@example.org", "Rendez-vous " + random.nextInt(100),
                Optional.of("Cabinet du Dr " + random.nextInt(100)), Optional.of(random.nextInt(99) + " avenue Foch"), false,
                Optional.of("Europe/Paris"), Optional.of("FREQ=WEEKLY;COUNT=" + (2 + random.nextInt(5))),
                Optional.of("CONFIRMED"), Optional.of("secretariat@example.org"), List.of("camille@example.org"));
    }
}
