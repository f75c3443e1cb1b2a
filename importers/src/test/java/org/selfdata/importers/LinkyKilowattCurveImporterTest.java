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
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkyKilowattCurveImporterTest {
    private static final String PREAMBLE = """
            Identifiant PRM;Type de données;Date de début;Date de fin
            12345678901234;Courbe de charge;26/10/2024;28/10/2024
            début;fin;kW
            """;
    /** The night clocks went back in 2024: 02:00 to 03:00 twice, a gap in the second pass, then an hourly step. */
    static final String AUTUMN_ROWS = """
            "2024-10-27 01:30:00";"2024-10-27 02:00:00";"0,696"
            "2024-10-27 02:00:00";"2024-10-27 02:30:00";"0,500"
            "2024-10-27 02:30:00";"2024-10-27 03:00:00";"0,400"
            "2024-10-27 02:00:00";"2024-10-27 02:30:00";"0,300"
            "2024-10-27 02:30:00";"2024-10-27 03:00:00";""
            "2024-10-27 03:00:00";"2024-10-27 04:00:00";"1,2"
            """;
    /** The night clocks went forward in 2025: the interval across the skipped hour is written 01:30 to 03:00. */
    private static final String SPRING_ROWS = """
            2025-03-30 01:00:00;2025-03-30 01:30:00;0,2
            2025-03-30 01:30:00;2025-03-30 03:00:00;0,4
            2025-03-30 03:00:00;2025-03-30 03:30:00;0,6
            """;

    private final LinkyKilowattCurveImporter importer = new LinkyKilowattCurveImporter();

    @Test
    void placesTheSecondPassOfTheRepeatedHourAfterTheFirst() {
        Reading reading = Reading.of(importer, PREAMBLE + AUTUMN_ROWS, StandardCharsets.UTF_8);

        assertThat(reading.format()).isEqualTo("linky-kilowatt-curve");
        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Enedis", "Linky meter ••1234"));
        assertThat(reading.records()).extracting(RecordDraft::time).containsExactly(
                span("2024-10-26T23:30:00Z", "2024-10-27T00:00:00Z"),
                span("2024-10-27T00:00:00Z", "2024-10-27T00:30:00Z"),
                span("2024-10-27T00:30:00Z", "2024-10-27T01:00:00Z"),
                span("2024-10-27T01:00:00Z", "2024-10-27T01:30:00Z"),
                span("2024-10-27T02:00:00Z", "2024-10-27T03:00:00Z"));
        assertThat(reading.payloads(EnergyReading.class)).extracting(EnergyReading::value).containsExactly(
                new BigDecimal("348"), new BigDecimal("250"), new BigDecimal("200"), new BigDecimal("150"),
                new BigDecimal("1200"));
        assertThat(reading.payloads(EnergyReading.class)).extracting(value -> value.intervalMinutes().orElseThrow())
                .containsExactly(30, 30, 30, 30, 60);
        assertThat(reading.payloads(EnergyReading.class).getFirst()).isEqualTo(new EnergyReading("12345678901234",
                EnergyReading.Quantity.ENERGY, new BigDecimal("348"), Optional.of(30), Optional.empty()));
        assertThat(reading.positions()).containsExactly("line 4", "line 5", "line 6", "line 7", "line 9");
    }

    @Test
    void readsTheRepeatedHourTheSameWayInAFileInDescendingOrder() {
        List<String> rows = new ArrayList<>(AUTUMN_ROWS.lines().toList());
        Collections.reverse(rows);

        Reading reading = Reading.of(importer, PREAMBLE + String.join("\n", rows), StandardCharsets.UTF_8);

        assertThat(reading.records()).extracting(RecordDraft::time).containsExactly(
                span("2024-10-27T02:00:00Z", "2024-10-27T03:00:00Z"),
                span("2024-10-27T01:00:00Z", "2024-10-27T01:30:00Z"),
                span("2024-10-27T00:30:00Z", "2024-10-27T01:00:00Z"),
                span("2024-10-27T00:00:00Z", "2024-10-27T00:30:00Z"),
                span("2024-10-26T23:30:00Z", "2024-10-27T00:00:00Z"));
    }

    @Test
    void givesTheIntervalAcrossTheSkippedHourItsThirtyMinutes() {
        Reading written = Reading.of(importer, "debut;fin;kW\n" + SPRING_ROWS, StandardCharsets.UTF_8);
        Reading atTheHourThatNeverWas = Reading.of(importer, "debut;fin;kW\n"
                + "2025-03-30 01:30:00;2025-03-30 02:00:00;0,4\n", StandardCharsets.UTF_8);

        assertThat(written.records()).extracting(RecordDraft::time).containsExactly(
                span("2025-03-30T00:00:00Z", "2025-03-30T00:30:00Z"),
                span("2025-03-30T00:30:00Z", "2025-03-30T01:00:00Z"),
                span("2025-03-30T01:00:00Z", "2025-03-30T01:30:00Z"));
        assertThat(written.payloads(EnergyReading.class)).extracting(EnergyReading::value)
                .containsExactly(new BigDecimal("100"), new BigDecimal("200"), new BigDecimal("300"));
        assertThat(written.source()).isEqualTo(SourceDescriptor.file("Enedis", "Linky meter"));
        assertThat(written.payloads(EnergyReading.class).getFirst().meter()).isEqualTo("Linky meter");
        assertThat(atTheHourThatNeverWas.records().getFirst().time())
                .isEqualTo(span("2025-03-30T00:30:00Z", "2025-03-30T01:00:00Z"));
    }

    @Test
    void readsCp1252AndUtf8WithAByteOrderMark() {
        ByteArrayOutputStream withMark = new ByteArrayOutputStream();
        withMark.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        withMark.writeBytes((PREAMBLE + AUTUMN_ROWS).getBytes(StandardCharsets.UTF_8));

        Reading fromCp1252 = Reading.of(importer, PREAMBLE + AUTUMN_ROWS, Charset.forName("windows-1252"));
        Reading fromUtf8 = Reading.of(importer, new ByteArrayInputStream(withMark.toByteArray()));

        assertThat(fromCp1252.records()).hasSize(5);
        assertThat(fromUtf8.records()).isEqualTo(fromCp1252.records());
        assertThat(importer.detect(new Sniff("x.csv", (PREAMBLE + AUTUMN_ROWS).getBytes(Charset.forName("windows-1252")))))
                .isEqualTo(Detection.BY_CONTENT);
        assertThat(importer.detect(new Sniff("x.csv", withMark.toByteArray()))).isEqualTo(Detection.BY_CONTENT);
    }

    @Test
    void rejectsARowWhosePowerIsNotANumberAndReadsOn() {
        String curve = "debut;fin;kW\n" + SPRING_ROWS.replace("0,4", "0,4 kW");

        List<ImportItem> items;
        try (ParsedFile file = importer.open(new ByteArrayInputStream(curve.getBytes(StandardCharsets.UTF_8)), Reading.PARIS)) {
            items = file.items().toList();
        }

        assertThat(items).hasSize(3);
        assertThat(items.get(1)).isEqualTo(new Rejection(Position.line(3), "expected a power in kilowatts, such as 0,696"));
        assertThat(((RecordDraft) items.get(2)).time()).isEqualTo(span("2025-03-30T01:00:00Z", "2025-03-30T01:30:00Z"));
        assertThatThrownBy(() -> Reading.of(importer, curve, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 3: expected a power in kilowatts, such as 0,696");
    }

    @Test
    void rejectsARowThatEndsBeforeItStarts() {
        String curve = "debut;fin;kW\n2025-03-30 01:30:00;2025-03-30 01:00:00;0,4\n";

        assertThatThrownBy(() -> Reading.of(importer, curve, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 2: expected a start and a later end, such as 2024-10-27 02:30:00;2024-10-27 03:00:00");
    }

    @Test
    void needsTheColumnHeaderWithinTheFirstLines() {
        assertThatThrownBy(() -> Reading.of(importer, "PRM 12345678901234\n".repeat(12), StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 10: expected the column header debut;fin;kW within the first 10 lines");
    }

    private static TimeSpan span(String start, String end) {
        return TimeSpan.between(Instant.parse(start), Instant.parse(end));
    }
}
