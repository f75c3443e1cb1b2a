package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.model.EnergyReading;
import org.selfdata.model.ImportItem;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnedisDataConnectImporterTest {
    /** A load curve across the autumn clock change: readings stamped at the end of their interval, local time. */
    static final String AUTUMN_CURVE = """
            {"meter_reading": {"usage_point_id": "12345678901234", "start": "2024-10-26", "end": "2024-10-28",
              "quality": "BRUT",
              "reading_type": {"measurement_kind": "power", "unit": "W", "aggregate": "average"},
              "interval_reading": [
                {"value": "600", "date": "2024-10-27 02:00:00", "interval_length": "PT30M", "measure_type": "B"},
                {"value": "500", "date": "2024-10-27 02:30:00", "interval_length": "PT30M", "measure_type": "B"},
                {"value": "400", "date": "2024-10-27 02:00:00", "interval_length": "PT30M", "measure_type": "B"},
                {"value": "300", "date": "2024-10-27 02:30:00", "interval_length": "PT30M", "measure_type": "B"},
                {"value": "200", "date": "2024-10-27 03:00:00", "interval_length": "PT30M", "measure_type": "B"},
                {"value": "", "date": "2024-10-27 03:30:00", "interval_length": "PT30M", "measure_type": "B"},
                {"value": "1200", "date": "2024-10-27 04:30:00", "interval_length": "PT60M", "measure_type": "B"}
              ]}}
            """;
    static final String DAILY = """
            {"meter_reading": {"usage_point_id": "12345678901234", "start": "2025-03-29", "end": "2025-04-01",
              "quality": "BRUT",
              "reading_type": {"measurement_kind": "energy", "measuring_period": "P1D", "unit": "Wh", "aggregate": "sum"},
              "interval_reading": [
                {"value": "9000", "date": "2025-03-29"},
                {"value": "8000", "date": "2025-03-30"},
                {"value": "7x00", "date": "2025-03-31"},
                {"value": "10000", "date": "2024-10-27"}
              ]}}
            """;

    private final EnedisDataConnectImporter importer = new EnedisDataConnectImporter();

    @Test
    void readsTheLoadCurveAcrossTheRepeatedHourInTheOrderOfItsReadings() {
        Reading reading = Reading.of(importer, AUTUMN_CURVE, StandardCharsets.UTF_8);

        assertThat(reading.format()).isEqualTo("enedis-data-connect");
        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Enedis", "Linky meter ••1234"));
        assertThat(reading.records()).extracting(RecordDraft::time).containsExactly(
                span("2024-10-26T23:30:00Z", "2024-10-27T00:00:00Z"),
                span("2024-10-27T00:00:00Z", "2024-10-27T00:30:00Z"),
                span("2024-10-27T00:30:00Z", "2024-10-27T01:00:00Z"),
                span("2024-10-27T01:00:00Z", "2024-10-27T01:30:00Z"),
                span("2024-10-27T01:30:00Z", "2024-10-27T02:00:00Z"),
                span("2024-10-27T02:30:00Z", "2024-10-27T03:30:00Z"));
        assertThat(reading.payloads(EnergyReading.class)).extracting(EnergyReading::value).containsExactly(
                new BigDecimal("300"), new BigDecimal("250"), new BigDecimal("200"), new BigDecimal("150"),
                new BigDecimal("100"), new BigDecimal("1200"));
        assertThat(reading.payloads(EnergyReading.class).getLast()).isEqualTo(new EnergyReading("12345678901234",
                EnergyReading.Quantity.ENERGY, new BigDecimal("1200"), Optional.of(60), Optional.empty()));
        assertThat(reading.positions()).containsExactly("/meter_reading/interval_reading/0",
                "/meter_reading/interval_reading/1", "/meter_reading/interval_reading/2",
                "/meter_reading/interval_reading/3", "/meter_reading/interval_reading/4",
                "/meter_reading/interval_reading/6");
    }

    @Test
    void readsTheLoadCurveAcrossTheSkippedHour() {
        String curve = AUTUMN_CURVE.substring(0, AUTUMN_CURVE.indexOf('[', AUTUMN_CURVE.indexOf("interval_reading")) + 1) + """
                {"value": "400", "date": "2025-03-30 01:30:00", "interval_length": "PT30M"},
                {"value": "400", "date": "2025-03-30 03:00:00", "interval_length": "PT30M"},
                {"value": "400", "date": "2025-03-30 03:30:00", "interval_length": "PT30M"}]}}
                """;

        Reading reading = Reading.of(importer, curve, StandardCharsets.UTF_8);

        assertThat(reading.records()).extracting(RecordDraft::time).containsExactly(
                span("2025-03-30T00:00:00Z", "2025-03-30T00:30:00Z"),
                span("2025-03-30T00:30:00Z", "2025-03-30T01:00:00Z"),
                span("2025-03-30T01:00:00Z", "2025-03-30T01:30:00Z"));
    }

    @Test
    void readsDailyConsumptionAsTheEnergyOfDaysOfTwentyThreeAndTwentyFiveHours() {
        List<ImportItem> items;
        try (ParsedFile file = importer.open(new ByteArrayInputStream(DAILY.getBytes(StandardCharsets.UTF_8)), Reading.PARIS)) {
            items = file.items().toList();
        }

        assertThat(items).hasSize(4);
        RecordDraft shortDay = (RecordDraft) items.get(1);
        assertThat(shortDay.time()).isEqualTo(span("2025-03-29T23:00:00Z", "2025-03-30T22:00:00Z"));
        assertThat(shortDay.payload()).isEqualTo(new EnergyReading("12345678901234", EnergyReading.Quantity.ENERGY,
                new BigDecimal("8000"), Optional.of(1380), Optional.empty()));
        assertThat(items.get(2)).isEqualTo(new Rejection(Position.jsonPointer("/meter_reading/interval_reading/2"),
                "expected a value such as \"540\""));
        RecordDraft longDay = (RecordDraft) items.get(3);
        assertThat(longDay.time()).isEqualTo(span("2024-10-26T22:00:00Z", "2024-10-27T23:00:00Z"));
        assertThat(((EnergyReading) longDay.payload()).intervalMinutes()).contains(1500);
        assertThatThrownBy(() -> Reading.of(importer, DAILY, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("/meter_reading/interval_reading/2: expected a value such as \"540\"");
    }

    @Test
    void refusesMeasuresOtherThanPowerAndEnergy() {
        String maximumPower = DAILY.replace("\"unit\": \"Wh\"", "\"unit\": \"VA\"");

        assertThatThrownBy(() -> Reading.of(importer, maximumPower, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("/meter_reading/reading_type/unit: expected W (a load curve) or Wh (daily consumption); "
                        + "selfdata reads no other Data Connect measure");
    }

    @Test
    void refusesReadingsThatComeBeforeTheirUnit() {
        String reordered = "{\"meter_reading\": {\"usage_point_id\": \"12345678901234\", \"interval_reading\": [], "
                + "\"reading_type\": {\"unit\": \"W\"}}}";

        assertThatThrownBy(() -> Reading.of(importer, reordered, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("/meter_reading/interval_reading: expected usage_point_id and reading_type, with its unit, "
                        + "before the readings");
    }

    @Test
    void namesWhereTheJsonBreaks() {
        String cut = AUTUMN_CURVE.substring(0, AUTUMN_CURVE.indexOf("\"400\""));

        assertThatThrownBy(() -> Reading.of(importer, cut, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("/meter_reading/interval_reading/2: expected well-formed JSON; the file is malformed");
    }

    @Test
    void isRecognizedByItsContent() {
        assertThat(Importers.standard().detect(new Sniff("data.json", DAILY.getBytes(StandardCharsets.UTF_8))))
                .map(Importer::format).contains("enedis-data-connect");
        assertThat(importer.detect(new Sniff("Records.json", "{\"locations\": []}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(Detection.NO);
    }

    private static TimeSpan span(String start, String end) {
        return TimeSpan.between(Instant.parse(start), Instant.parse(end));
    }
}
