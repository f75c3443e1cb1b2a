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

class LinkyDailyIndexImporterTest {
    /** Four days around the autumn clock change: two registers per grid, a day without reading, a day with a typo. */
    static final String INDEX = """
            Identifiant PRM;Type de données;Date de début;Date de fin;Grandeur physique;Grandeur métier;Etape métier;Unité
            09876543210987;Index;26/10/2024;29/10/2024;Energie active;Consommation;Comptage Brut;Wh
            Horodate;Type de relève;EAS F1;EAS F2;EAS F3;EAS F4;EAS F5;EAS F6;EAS F7;EAS F8;EAS F9;EAS F10;EAS D1;EAS D2;\
            EAS D3;EAS D4;EAS T
            2024-10-26T00:00:00+02:00;Arrêté quotidien;1000000;2000000;;;;;;;;;1000500;1999500;;;3000000
            2024-10-27T00:00:00+02:00;Arrêté quotidien;1004000;2002000;;;;;;;;;1004500;2001500;;;3006000
            2024-10-28T00:00:00+01:00;Arrêté quotidien;;;;;;;;;;;;;;;
            2024-10-29T00:00:00+01:00;Arrêté quotidien;1010000;2005x00;;;;;;;;;1010500;2004500;;;3015000
            """;

    private final LinkyDailyIndexImporter importer = new LinkyDailyIndexImporter();

    @Test
    void readsEachFilledRegisterAsAnIndexAtTheRowsInstant() {
        List<ImportItem> items = items(INDEX, StandardCharsets.UTF_8);

        List<RecordDraft> records = items.stream().filter(RecordDraft.class::isInstance).map(RecordDraft.class::cast).toList();
        assertThat(records).hasSize(10);
        assertThat(records.getFirst().payload()).isEqualTo(new EnergyReading("09876543210987", EnergyReading.Quantity.INDEX,
                new BigDecimal("1000000"), Optional.empty(), Optional.of("F1")));
        assertThat(records.getFirst().time()).isEqualTo(TimeSpan.at(Instant.parse("2024-10-25T22:00:00Z")));
        assertThat(records).extracting(record -> ((EnergyReading) record.payload()).register().orElseThrow())
                .containsExactly("F1", "F2", "D1", "D2", "T", "F1", "F2", "D1", "D2", "T");
        assertThat(records.getLast().payload()).isEqualTo(new EnergyReading("09876543210987", EnergyReading.Quantity.INDEX,
                new BigDecimal("3006000"), Optional.empty(), Optional.of("T")));
        assertThat(records.getLast().position()).isEqualTo(Position.line(5));
        assertThat(items.getLast()).isEqualTo(new Rejection(Position.line(7),
                "expected the index of register F2 in watt-hours, such as 12345678"));
    }

    @Test
    void failsAStrictImportAtTheRowItCannotRead() {
        assertThatThrownBy(() -> Reading.of(importer, INDEX, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 7: expected the index of register F2 in watt-hours, such as 12345678");
    }

    @Test
    void readsCp1252AndUtf8WithAByteOrderMarkAlike() {
        String valid = INDEX.substring(0, INDEX.indexOf("2024-10-29"));
        ByteArrayOutputStream withMark = new ByteArrayOutputStream();
        withMark.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        withMark.writeBytes(valid.getBytes(StandardCharsets.UTF_8));

        Reading fromCp1252 = Reading.of(importer, valid, Charset.forName("windows-1252"));
        Reading fromUtf8 = Reading.of(importer, new ByteArrayInputStream(withMark.toByteArray()));

        assertThat(fromCp1252.source()).isEqualTo(SourceDescriptor.file("Enedis", "Linky meter ••0987"));
        assertThat(fromCp1252.records()).hasSize(10).isEqualTo(fromUtf8.records());
        assertThat(Importers.standard().detect(new Sniff("export.csv", withMark.toByteArray())))
                .map(Importer::format).contains("linky-daily-index");
    }

    @Test
    void turnsKilowattHoursIntoWattHoursAndBareDatesIntoLocalMidnights() {
        String header = INDEX.substring(0, INDEX.indexOf("2024-10-26T")).replace(";Wh\n", ";kWh\n");
        String index = header + "27/10/2024;Arrêté quotidien;;;;;;;;;;;;;;;3006,5\n";

        Reading reading = Reading.of(importer, index, StandardCharsets.UTF_8);

        assertThat(reading.payloads(EnergyReading.class)).extracting(EnergyReading::value)
                .containsExactly(new BigDecimal("3006500"));
        assertThat(reading.records().getFirst().time()).isEqualTo(TimeSpan.at(Instant.parse("2024-10-26T22:00:00Z")));
    }

    @Test
    void refusesAnExportInAnotherUnit() {
        assertThatThrownBy(() -> Reading.of(importer, INDEX.replace(";Wh\n", ";W\n"), StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 2: expected the unit Wh of an index export");
    }

    private List<ImportItem> items(String text, Charset charset) {
        try (ParsedFile file = importer.open(new ByteArrayInputStream(text.getBytes(charset)), Reading.PARIS)) {
            return file.items().toList();
        }
    }
}
