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
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkyLoadCurveImporterTest {
    private static final String HEADER = "Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;"
            + "Grandeur metier;Etape metier;Unite;Pas en minutes\n";
    private static final String VALUES = "09876543210987;Courbe de charge;27/10/2024;28/10/2024;Energie active;Consommation;"
            + "Comptage Brut;W;60\n";
    /** The night clocks went back in 2024, with a gap, then the meter moving to 30 and then 10 minutes. */
    private static final String NIGHT = HEADER + VALUES + "Horodate;Valeur\n"
            + "2024-10-27T01:00:00+02:00;300\n"
            + "2024-10-27T02:00:00+02:00;240\n"
            + "2024-10-27T02:00:00+01:00;\n"
            + "2024-10-27T02:30:00+01:00;271\n"
            + "2024-10-27T03:00:00+01:00;180\n"
            + "2024-10-27T03:10:00+01:00;271\n";

    private final LinkyLoadCurveImporter importer = new LinkyLoadCurveImporter();

    @Test
    void turnsAveragePowerAtIntervalEndsIntoEnergyOverTheInterval() {
        Reading reading = Reading.of(importer, NIGHT, StandardCharsets.UTF_8);

        assertThat(reading.format()).isEqualTo("linky-load-curve");
        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Enedis", "Linky meter ••0987"));
        assertThat(reading.records().getFirst().payload()).isEqualTo(new EnergyReading("09876543210987",
                EnergyReading.Quantity.ENERGY, new BigDecimal("300"), Optional.of(60), Optional.empty()));
        assertThat(reading.records().getFirst().time())
                .isEqualTo(TimeSpan.between(Instant.parse("2024-10-26T22:00:00Z"), Instant.parse("2024-10-26T23:00:00Z")));
    }

    @Test
    void skipsGapsAndFollowsTheStepWhenItChanges() {
        Reading reading = Reading.of(importer, NIGHT, StandardCharsets.UTF_8);

        List<EnergyReading> readings = reading.payloads(EnergyReading.class);
        assertThat(readings).extracting(EnergyReading::value).containsExactly(new BigDecimal("300"), new BigDecimal("240"),
                new BigDecimal("135.5"), new BigDecimal("90"), new BigDecimal("45.167"));
        assertThat(readings).extracting(value -> value.intervalMinutes().orElseThrow()).containsExactly(60, 60, 30, 30, 10);
        assertThat(reading.positions()).containsExactly("line 4", "line 5", "line 7", "line 8", "line 9");
        assertThat(reading.records().get(2).time())
                .isEqualTo(TimeSpan.between(Instant.parse("2024-10-27T01:00:00Z"), Instant.parse("2024-10-27T01:30:00Z")));
        assertThat(reading.records().getLast().time())
                .isEqualTo(TimeSpan.between(Instant.parse("2024-10-27T02:00:00Z"), Instant.parse("2024-10-27T02:10:00Z")));
        assertThat(readings.stream().map(EnergyReading::value).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(new BigDecimal("810.667"));
    }

    @Test
    void readsAccentedHeadersInCp1252AndInUtf8WithAByteOrderMark() {
        String accented = NIGHT.replace("Type de donnees", "Type de données").replace("Unite", "Unité");
        ByteArrayOutputStream withMark = new ByteArrayOutputStream();
        withMark.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        withMark.writeBytes(accented.getBytes(StandardCharsets.UTF_8));

        Reading fromCp1252 = Reading.of(importer, accented, Charset.forName("windows-1252"));
        Reading fromUtf8 = Reading.of(importer, new ByteArrayInputStream(withMark.toByteArray()));

        assertThat(fromCp1252.records()).hasSize(5);
        assertThat(fromUtf8.records()).hasSize(5);
    }

    @Test
    void namesTheRowWhoseValueIsNotAPower() {
        String curve = HEADER + VALUES + "Horodate;Valeur\n2024-10-27T01:00:00+02:00;300\n2024-10-27T02:00:00+02:00;2x0\n";

        assertThatThrownBy(() -> Reading.of(importer, curve, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 5: expected a power in watts, such as 270");
    }

    @Test
    void rejectsARowWithABadValueOrTimestampAndKeepsTheStepForTheNext() {
        String curve = HEADER + VALUES.replace(";W;60", ";W;30") + "Horodate;Valeur\n"
                + "2024-10-27T01:00:00+02:00;300\n"
                + "2024-10-27T01:30:00+02:00;3OO\n"
                + "27/10/2024 02:00;300\n"
                + "2024-10-27T02:30:00+02:00;120\n";

        List<ImportItem> items;
        try (ParsedFile file = importer.open(new ByteArrayInputStream(curve.getBytes(StandardCharsets.UTF_8)), Reading.PARIS)) {
            items = file.items().toList();
        }

        assertThat(items).hasSize(4);
        assertThat(items.get(1)).isEqualTo(new Rejection(Position.line(5), "expected a power in watts, such as 270"));
        assertThat(items.get(2)).isEqualTo(new Rejection(Position.line(6),
                "expected a timestamp with its offset, such as 2020-08-20T23:40:00+02:00"));
        RecordDraft last = (RecordDraft) items.get(3);
        assertThat(last.payload()).isEqualTo(new EnergyReading("09876543210987", EnergyReading.Quantity.ENERGY,
                new BigDecimal("60"), Optional.of(30), Optional.empty()));
        assertThat(last.time()).isEqualTo(TimeSpan.between(Instant.parse("2024-10-27T00:00:00Z"),
                Instant.parse("2024-10-27T00:30:00Z")));
    }

    @Test
    void keepsTheStepWhenRowsAreMissing() {
        String curve = HEADER + VALUES.replace(";W;60", ";W;30") + "Horodate;Valeur\n"
                + "2024-10-27T01:00:00+02:00;300\n"
                + "2024-10-27T02:30:00+02:00;120\n";

        Reading reading = Reading.of(importer, curve, StandardCharsets.UTF_8);

        assertThat(reading.payloads(EnergyReading.class)).extracting(value -> value.intervalMinutes().orElseThrow())
                .containsExactly(30, 30);
    }

    @Test
    void namesTheRowWhoseTimestampHasNoOffset() {
        String curve = HEADER + VALUES + "Horodate;Valeur\n2024-10-27 01:00:00;300\n";

        assertThatThrownBy(() -> Reading.of(importer, curve, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 4: expected a timestamp with its offset, such as 2020-08-20T23:40:00+02:00");
    }

    @Test
    void refusesAnIndexExportInWattHours() {
        String index = HEADER + VALUES.replace(";W;60", ";Wh;") + "Horodate;Valeur\n";

        assertThatThrownBy(() -> Reading.of(importer, index, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 2: expected the unit W; selfdata reads load curves of average power only");
    }

    @Test
    void needsTheStepToDateTheFirstInterval() {
        String curve = HEADER + VALUES.replace(";W;60", ";W;") + "Horodate;Valeur\n2024-10-27T01:00:00+02:00;300\n";

        assertThatThrownBy(() -> Reading.of(importer, curve, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 4: expected the step (Pas en minutes) in the header, "
                        + "to know how long the first interval lasts");
    }
}
