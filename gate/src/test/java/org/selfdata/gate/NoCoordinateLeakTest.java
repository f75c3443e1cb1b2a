package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.AmountPrecision;
import org.selfdata.model.CalendarEvent;
import org.selfdata.model.Contact;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.GeoTrip;
import org.selfdata.model.GeoVisit;
import org.selfdata.model.IdentifierPrecision;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.Payload;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.Precision;
import org.selfdata.model.TimePrecision;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random coordinates in France and anywhere else, no precision other than exact lets a number near the latitude
 * or the longitude out, at any depth of any location-bearing record, even with every location text named.
 */
class NoCoordinateLeakTest {
    private static final int POINTS = 150;
    /** Texts that tell where: named, they still go only with exact location. Other free text is shared as written. */
    private static final Set<String> LOCATION_TEXTS = Set.of("placeName", "address", "addresses", "location");

    @TempDir
    Path folder;

    @Test
    void noPrecisionButExactLetsACoordinateOut() throws IOException {
        Path communes = Files.writeString(folder.resolve("communes.tsv"),
                "69123\tLyon\t45.7578\t4.8320\n75056\tParis\t48.8566\t2.3522\n35238\tRennes\t48.1173\t-1.6778\n");
        Geography geography = Geography.withCommunes(communes);
        Random random = new Random(20_260_401L);
        int checked = 0;
        for (int index = 0; index < POINTS; index++) {
            boolean inFrance = index % 2 == 0;
            double latitude = inFrance ? 42.3 + random.nextDouble() * 8.8 : -85 + random.nextDouble() * 170;
            double longitude = inFrance ? -4.8 + random.nextDouble() * 13 : -180 + random.nextDouble() * 360;
            for (LocationPrecision location : precisions()) {
                Precision precision = new Precision(location, AmountPrecision.EXACT, TimePrecision.EXACT,
                        IdentifierPrecision.CLEAR);
                SharedRecordWriter writer = new SharedRecordWriter(precision, LOCATION_TEXTS, new Pseudonyms(StoredRecords.KEY),
                        geography, StoredRecords.PARIS);
                for (Payload payload : locationBearing(latitude, longitude)) {
                    String shared = writer.toJson(StoredRecords.during(payload));
                    assertThat(numbers(PayloadCodec.mapper().readTree(shared)))
                            .as("%s at %s", payload.type(), location)
                            .noneMatch(number -> Math.abs(number - latitude) < 0.1 || Math.abs(number - longitude) < 0.1);
                    assertThat(shared).doesNotContain(coordinateText(latitude)).doesNotContain(coordinateText(longitude));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(POINTS * 20 * 5);
    }

    @Test
    void exactPrecisionDoesLetTheCoordinatesThrough() {
        String shared = StoredRecords.writer(Precision.EXACT).toJson(StoredRecords.at(GeoPoint.of(45.7578, 4.8320)));
        assertThat(numbers(PayloadCodec.mapper().readTree(shared))).contains(45.7578, 4.832);
    }

    private static List<LocationPrecision> precisions() {
        List<LocationPrecision> precisions = new ArrayList<>();
        for (int resolution = 0; resolution <= 15; resolution++) {
            precisions.add(LocationPrecision.h3(resolution));
        }
        precisions.addAll(List.of(LocationPrecision.COMMUNE, LocationPrecision.DEPARTMENT, LocationPrecision.REGION,
                LocationPrecision.COUNTRY));
        return precisions;
    }

    /**
     * Every record type that holds a location, the location also written into its location texts and details. Identifiers
     * hold none: a grant that shares identifiers in clear shares them as they are.
     */
    private static List<Payload> locationBearing(double latitude, double longitude) {
        String text = latitude + ", " + longitude;
        return List.of(
                new GeoPoint(latitude, longitude, Optional.of(5), Optional.of(latitude), Optional.of("GPS"),
                        Optional.of("STILL"), Optional.of("pixel-7")),
                new GeoVisit(latitude, longitude, Optional.of(text), Optional.of(text), Optional.of(text),
                        Optional.of("HOME"), Optional.empty()),
                new GeoTrip(latitude, longitude, longitude / 2, latitude, Optional.of("WALKING"), Optional.empty(),
                        List.of(new GeoTrip.Waypoint(latitude, longitude), new GeoTrip.Waypoint(longitude / 2, latitude))),
                new Contact("Camille", Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(),
                        List.of(text), Optional.empty(), Optional.empty(), Optional.empty()),
                new CalendarEvent("uid", "Partiel", Optional.empty(), Optional.of(text), false, Optional.of("Europe/Paris"),
                        Optional.empty(), Optional.empty(), Optional.empty(), List.of()));
    }

    /** Every number in the document, and every string that reads as one; an H3 resolution is the precision itself. */
    private static List<Double> numbers(JsonNode node) {
        List<Double> numbers = new ArrayList<>();
        collect(node, "", numbers);
        return numbers;
    }

    private static void collect(JsonNode node, String name, List<Double> numbers) {
        if (node.isNumber() && !name.equals("resolution")) {
            numbers.add(node.doubleValue());
        }
        else if (node.isString()) {
            try {
                numbers.add(Double.parseDouble(node.asString()));
            }
            catch (NumberFormatException e) {
                // Not a number: names, codes, cells, times.
            }
        }
        else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                collect(property.getValue(), property.getKey(), numbers);
            }
        }
        else if (node.isArray()) {
            node.forEach(element -> collect(element, name, numbers));
        }
    }

    private static String coordinateText(double coordinate) {
        return String.valueOf(coordinate).substring(0, Math.min(String.valueOf(coordinate).length(), 7));
    }
}
