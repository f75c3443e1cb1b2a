package org.selfdata.importers;

import org.selfdata.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportersTest {
    private final Importers importers = Importers.standard();

    @ParameterizedTest
    @CsvSource({
            "ofx/checking.ofx, ofx, 4",
            "ofx/bank_medium.ofx, ofx, 4",
            "ofx/suncorp.ofx, ofx, 2",
            "ofx/anzcc.ofx, ofx, 2",
            "ofx/pag-seguro.ofx, ofx, 4",
            "google-location/takeout_Records.json, google-records, 12",
            "vcard/rfc6350-example.vcf, vcard, 1",
            "vcard/John_Doe_ANDROID.vcf, vcard, 6",
            "vcard/outlook-2007.vcf, vcard, 1",
            "icalendar/example.ics, icalendar, 3",
            "icalendar/timezoned.ics, icalendar, 1",
            "icalendar/america_new_york.ics, icalendar, 1"})
    void recognizesEachSampleByItsContentWhenRenamed(String sample, String format, long records) throws IOException {
        try (InputStream in = Files.newInputStream(Corpus.file(sample)); ParsedFile file = importers.open("data.bin", in,
                Reading.PARIS)) {
            assertThat(file.format()).isEqualTo(format);
            assertThat(file.records().count()).isEqualTo(records);
        }
    }

    @Test
    void recognizesALoadCurveByItsContent() {
        String curve = "Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;"
                + "Unite;Pas en minutes\n12345678901234;Courbe de charge;01/09/2024;02/09/2024;Energie active;Consommation;"
                + "Comptage Brut;W;30\nHorodate;Valeur\n2024-09-01T00:30:00+02:00;80\n";

        try (ParsedFile file = open("data.bin", curve)) {
            assertThat(file.format()).isEqualTo("linky-load-curve");
            assertThat(file.records().count()).isEqualTo(1);
        }
    }

    @Test
    void contentBeatsTheFileName() {
        try (ParsedFile file = open("agenda.ics", "BEGIN:VCARD\nVERSION:3.0\nFN:Inès\nEND:VCARD\n")) {
            assertThat(file.format()).isEqualTo("vcard");
        }
    }

    @Test
    void fallsBackOnTheFileNameWhenNoContentIsRecognized() {
        assertThat(importers.detect(new Sniff("releve.ofx", "garbage".getBytes(StandardCharsets.US_ASCII))))
                .map(Importer::format).contains("ofx");
    }

    @Test
    void refusesAFileNoImporterRecognizes() {
        assertThatThrownBy(() -> open("photo.jpg", "\u00FF\u00D8\u00FF\u00E0 not a format selfdata reads"))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("photo.jpg: no importer recognizes this file; selfdata reads OFX, QIF, camt (ISO 20022), the CSV "
                        + "exports of French banks, Google location history, GPX, Linky and Enedis, Green Button, vCard, "
                        + "iCalendar, and the Facebook and Instagram exports")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
    }

    @Test
    void opensAFileOnDiskByItsContent(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("export.dat"), "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\n"
                + "DTSTART;VALUE=DATE:20250101\nEND:VEVENT\nEND:VCALENDAR\n");

        try (ParsedFile parsed = importers.open(file, Reading.PARIS)) {
            assertThat(parsed.format()).isEqualTo("icalendar");
            assertThat(parsed.records().count()).isEqualTo(1);
        }
    }

    @Test
    void saysWhenTheFileIsMissing(@TempDir Path folder) {
        assertThatThrownBy(() -> importers.open(folder.resolve("absent.ofx"), Reading.PARIS))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("absent.ofx: no such file")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void findsTheCorpusBesideTheProjectFolder() {
        Path corpus = Corpus.file("ofx/checking.ofx").getParent().getParent().toAbsolutePath().normalize();
        // Tests run in the module's folder: the project folder is its parent, and shared/ sits beside the project.
        Path projectFolder = Path.of("").toAbsolutePath().getParent();

        assertThat(corpus).isEqualTo(projectFolder.getParent().resolve("shared").resolve("corpus"));
    }

    private ParsedFile open(String fileName, String content) {
        return importers.open(fileName, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), Reading.PARIS);
    }
}
