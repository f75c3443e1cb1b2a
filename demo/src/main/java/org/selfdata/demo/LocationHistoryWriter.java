package org.selfdata.demo;

import org.selfdata.model.PrivateFiles;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * Writes Camille's phone location history as Google Takeout's {@code Records.json}, point by point as it is generated:
 * about one fix every one to two minutes while she is up, one every eight to fifteen at night. Fixes at a place come
 * from Wi-Fi (10–50 m); fixes on the move from GPS (5–20 m) and carry the activity the phone recognized.
 */
final class LocationHistoryWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private final Schedule schedule;
    private final ZoneId zone;
    private final long seed;

    LocationHistoryWriter(Schedule schedule, ZoneId zone, long seed) {
        this.schedule = requireNonNull(schedule, "schedule is null");
        this.zone = requireNonNull(zone, "zone is null");
        this.seed = seed;
    }

    /** Writes the file and answers the number of points written. */
    long write(Path file) {
        SplittableRandom random = new SplittableRandom(seed);
        Itinerary itinerary = new Itinerary(schedule, zone, random.split());
        long deviceTag = random.nextInt();
        long points = 0;
        try (OutputStream out = new BufferedOutputStream(PrivateFiles.newOutputStream(file), 1 << 16);
             JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeName("locations");
            json.writeStartArray();
            Instant next = schedule.firstDay().atStartOfDay(zone).toInstant().plusSeconds(random.nextInt(600));
            for (LocalDate day = schedule.firstDay(); !day.isAfter(schedule.lastDay()); day = day.plusDays(1)) {
                List<Stop> stops = itinerary.plan(day);
                Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
                for (int index = 0; next.isBefore(dayEnd); next = next.plusSeconds(interval(next, random))) {
                    while (index < stops.size() - 1 && !next.isBefore(stops.get(index + 1).arrive())) {
                        index++;
                    }
                    writePoint(json, stops, index, next, deviceTag, random);
                    points++;
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return points;
    }

    /**
     * The stops {@link #write} draws its points from, day after day: the truth the points only show, for checking what is
     * read from them.
     */
    List<Stop> stops() {
        Itinerary itinerary = new Itinerary(schedule, zone, new SplittableRandom(seed).split());
        List<Stop> stops = new ArrayList<>();
        for (LocalDate day = schedule.firstDay(); !day.isAfter(schedule.lastDay()); day = day.plusDays(1)) {
            stops.addAll(itinerary.plan(day));
        }
        return List.copyOf(stops);
    }

    private long interval(Instant at, SplittableRandom random) {
        LocalTime time = at.atZone(zone).toLocalTime();
        boolean night = time.isBefore(LocalTime.of(7, 0)) || time.isAfter(LocalTime.of(23, 30));
        return night ? 480 + random.nextInt(421) : 60 + random.nextInt(71);
    }

    private void writePoint(JsonGenerator json, List<Stop> stops, int index, Instant at, long deviceTag,
            SplittableRandom random) {
        Stop stop = stops.get(index);
        boolean moving = !at.isBefore(stop.leave()) && index < stops.size() - 1;
        double latitude;
        double longitude;
        int accuracy;
        if (moving) {
            Stop destination = stops.get(index + 1);
            double travelled = (double) (at.toEpochMilli() - stop.leave().toEpochMilli())
                    / Math.max(1, destination.arrive().toEpochMilli() - stop.leave().toEpochMilli());
            accuracy = 5 + random.nextInt(16);
            latitude = stop.place().latitude() + (destination.place().latitude() - stop.place().latitude()) * travelled;
            longitude = stop.place().longitude() + (destination.place().longitude() - stop.place().longitude()) * travelled;
        }
        else {
            accuracy = 10 + random.nextInt(41);
            latitude = stop.place().latitude();
            longitude = stop.place().longitude();
        }
        double spread = (moving ? 0 : stop.place().radiusMeters()) + accuracy / 2.0;
        latitude += random.nextGaussian() * spread / Place.METERS_PER_DEGREE;
        longitude += random.nextGaussian() * spread / (Place.METERS_PER_DEGREE * Math.cos(Math.toRadians(latitude)));
        json.writeStartObject();
        json.writeNumberProperty("latitudeE7", Math.round(latitude * 1e7));
        json.writeNumberProperty("longitudeE7", Math.round(longitude * 1e7));
        json.writeNumberProperty("accuracy", accuracy);
        if (moving) {
            writeActivity(json, stops.get(index + 1).mode(), at, random);
        }
        json.writeStringProperty("source", moving ? "GPS" : "WIFI");
        json.writeNumberProperty("deviceTag", deviceTag);
        json.writeStringProperty("timestamp", at.toString());
        json.writeEndObject();
    }

    private static void writeActivity(JsonGenerator json, Stop.Mode mode, Instant at, SplittableRandom random) {
        int confidence = 55 + random.nextInt(46);
        json.writeName("activity");
        json.writeStartArray();
        json.writeStartObject();
        json.writeName("activity");
        json.writeStartArray();
        json.writeStartObject();
        json.writeStringProperty("type", mode.activity());
        json.writeNumberProperty("confidence", confidence);
        json.writeEndObject();
        if (confidence < 100) {
            json.writeStartObject();
            json.writeStringProperty("type", "STILL");
            json.writeNumberProperty("confidence", 100 - confidence);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringProperty("timestamp", at.minusSeconds(random.nextInt(30)).toString());
        json.writeEndObject();
        json.writeEndArray();
    }
}
