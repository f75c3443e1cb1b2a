package org.selfdata.intake;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.importers.Importers;
import org.selfdata.model.Person;
import org.selfdata.testing.Corpus;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A Google Takeout archive as a whole, laid out as Takeout lays it out, with the third-party samples in their
 * places: the location parts are picked out of it and the rest is named in the report.
 */
class TakeoutArchiveTest {
    private static final String LOCATION = "Takeout/Location History (Timeline)/";

    @TempDir
    Path folder;

    private Vault vault;
    private Person camille;

    @BeforeEach
    void createVault() {
        vault = TestVaults.create(Engine.SQLITE, folder.resolve("vault"));
        camille = TestVaults.camille(vault);
    }

    @AfterEach
    void closeVault() {
        vault.close();
    }

    @Test
    void theLocationPartsOfATakeoutArchiveArePickedOutAndTheRestIsNamed() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Takeout/archive_browser.html", "<html><body>Takeout</body></html>".getBytes(StandardCharsets.UTF_8));
        entries.put(LOCATION + "Records.json", Files.readAllBytes(Corpus.file("google-location/takeout_Records.json")));
        entries.put(LOCATION + "Semantic Location History/2021/2021_AUGUST.json",
                Files.readAllBytes(Corpus.file("google-location/takeout_semantic_2021_AUGUST.json")));
        entries.put(LOCATION + "Settings.json", Files.readAllBytes(Corpus.file("google-location/takeout_Settings.json")));
        entries.put(LOCATION + "Timeline Edits.json",
                Files.readAllBytes(Corpus.file("google-location/takeout_Timeline_Edits.json")));
        entries.put("Takeout/Contacts/My Contacts/My Contacts.vcf", Files.readAllBytes(Corpus.file("vcard/John_Doe_GMAIL.vcf")));
        Path takeout = zip("takeout-20251101T120000Z-001.zip", entries);
        Intake intake = new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT);

        IntakeReport report = intake.importPath(camille, takeout, ImportMode.STRICT, IntakeListener.NONE);

        String archive = "takeout-20251101T120000Z-001.zip!/";
        // Counted in the samples by hand: 12 locations in Records.json; 73 visits, 61 trips and 120 timed points in
        // the August 2021 month; one contact in the Gmail address book.
        assertThat(report.imported()).extracting(FileReport::file, FileReport.Imported::format, file -> file.batch().added())
                .containsExactly(
                        tuple(archive + LOCATION + "Records.json", "google-records", 12L),
                        tuple(archive + LOCATION + "Semantic Location History/2021/2021_AUGUST.json", "google-semantic-history",
                                254L),
                        tuple(archive + "Takeout/Contacts/My Contacts/My Contacts.vcf", "vcard", 1L));
        assertThat(report.notRecognized()).extracting(FileReport::file).containsExactly(
                archive + "Takeout/archive_browser.html", archive + LOCATION + "Settings.json",
                archive + LOCATION + "Timeline Edits.json");
        assertThat(vault.status(camille.id()).records()).isEqualTo(267);
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path zip = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipped = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zipped.putNextEntry(new ZipEntry(entry.getKey()));
                zipped.write(entry.getValue());
                zipped.closeEntry();
            }
        }
        return zip;
    }
}
