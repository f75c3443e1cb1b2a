package org.selfdata.intake;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.importers.FileNote;
import org.selfdata.importers.Importers;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.model.StoredRecord;
import org.selfdata.testing.OfxStatements;
import org.selfdata.vault.Engine;
import org.selfdata.vault.SealedFile;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class IntakeTest {
    /** Three points of a Takeout Records.json, written here after the layout in FORMATS.md. */
    private static final String RECORDS_JSON = """
            {"locations": [
              {"latitudeE7": 457578000, "longitudeE7": 48320000, "accuracy": 12, "timestamp": "2025-03-10T08:00:00Z"},
              {"latitudeE7": 457600000, "longitudeE7": 48350000, "accuracy": 15, "timestamp": "2025-03-10T08:05:00Z"},
              {"latitudeE7": 457620000, "longitudeE7": 48380000, "accuracy": 9, "timestamp": "2025-03-10T08:10:00Z"}
            ]}
            """;
    private static final String TRUNCATED_RECORDS_JSON = """
            {"locations": [
              {"latitudeE7": 457578000, "longitudeE7": 48320000, "accuracy": 12, "timestamp": "2025-03-10T08:00:00Z"},
              {"latitudeE7": 4576
            """;
    private static final String CONTACTS = """
            BEGIN:VCARD\r
            VERSION:3.0\r
            FN:Alix Martin\r
            N:Martin;Alix;;;\r
            TEL:+33 4 72 00 00 00\r
            END:VCARD\r
            """;

    /** A La Banque Postale export whose every row has an impossible date. */
    private static final String ALL_ROWS_BAD_CSV = """
            Date;Libellé;Montant(EUROS)
            31/02/2026;"DATE IMPOSSIBLE";-1,00
            32/01/2026;"AUTRE DATE IMPOSSIBLE";-2,00
            """;
    private static final String SOME_ROWS_BAD_CSV = """
            Date;Libellé;Montant(EUROS)
            28/10/2026;"CARTE X1234";-4,60
            31/02/2026;"DATE IMPOSSIBLE";-1,00
            15/10/2026;"MONTANT ILLISIBLE";douze euros
            """;

    @TempDir
    Path folder;

    private Vault vault;
    private Person camille;
    private Intake intake;

    @BeforeEach
    void createVault() {
        vault = TestVaults.create(Engine.SQLITE, folder.resolve("vault"));
        camille = TestVaults.camille(vault);
        intake = new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT);
    }

    @AfterEach
    void closeVault() {
        vault.close();
    }

    @Test
    void aZipIsImportedEntryByEntryAndWhatIsNotRecognizedIsReportedByName() throws IOException {
        Path zip = zip("takeout-camille.zip", Map.of(
                "Takeout/Location History/Records.json", RECORDS_JSON,
                "Takeout/archive_browser.html", "<html><body>Takeout</body></html>",
                "Takeout/Contacts/All Contacts/All Contacts.vcf", CONTACTS));
        List<FileReport> seen = new ArrayList<>();

        IntakeReport report = intake.importPath(camille, zip, ImportMode.STRICT, new IntakeListener() {
            @Override
            public void done(FileReport file) {
                seen.add(file);
            }
        });

        assertThat(report.files()).extracting(FileReport::file).containsExactly(
                "takeout-camille.zip!/Takeout/Contacts/All Contacts/All Contacts.vcf",
                "takeout-camille.zip!/Takeout/Location History/Records.json",
                "takeout-camille.zip!/Takeout/archive_browser.html");
        assertThat(report.imported()).extracting(FileReport.Imported::format).containsExactly("vcard", "google-records");
        assertThat(report.imported()).extracting(file -> file.batch().added()).containsExactly(1L, 3L);
        assertThat(report.imported().getLast().covered().orElseThrow().start()).isEqualTo(Instant.parse("2025-03-10T08:00:00Z"));
        assertThat(report.imported().getLast().covered().orElseThrow().end()).isEqualTo(Instant.parse("2025-03-10T08:10:00Z"));
        assertThat(report.notRecognized()).extracting(FileReport::file)
                .containsExactly("takeout-camille.zip!/Takeout/archive_browser.html");
        assertThat(seen).isEqualTo(report.files());
        assertThat(vault.imports().batches(camille.id())).extracting(ImportBatch::fileName).containsExactly(
                "takeout-camille.zip!/Takeout/Contacts/All Contacts/All Contacts.vcf",
                "takeout-camille.zip!/Takeout/Location History/Records.json");
        assertThat(readAll()).hasSize(4);
    }

    @Test
    void aStatementWithoutTransactionsIsImportedAsItsAccountAndTheReportSaysSo() throws IOException {
        Path statement = Files.writeString(folder.resolve("releve-livret.ofx"), OfxStatements.WITHOUT_TRANSACTIONS);

        IntakeReport report = intake.importPath(camille, statement, ImportMode.STRICT, IntakeListener.NONE);

        FileReport.Imported imported = report.imported().getFirst();
        assertThat(imported.source().label()).isEqualTo("account with no number at bank 30004, branch 00123");
        assertThat(imported.batch().added()).isEqualTo(1);
        assertThat(imported.notes()).extracting(FileNote::message).containsExactly("OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS: "
                + "the statement holds no transactions, and its ACCTID is empty: its account is named by its bank and "
                + "branch ids");
        assertThat(readAll()).extracting(StoredRecord::type).containsExactly(RecordType.BANK_ACCOUNT);
    }

    @Test
    void importingTheSameArchiveAgainAddsNothing() throws IOException {
        Path zip = zip("takeout.zip", Map.of("Takeout/Records.json", RECORDS_JSON, "Takeout/contacts.vcf", CONTACTS));
        intake.importPath(camille, zip, ImportMode.STRICT, IntakeListener.NONE);

        IntakeReport again = intake.importPath(camille, zip, ImportMode.STRICT, IntakeListener.NONE);

        assertThat(again.imported()).extracting(file -> file.batch().added()).containsExactly(0L, 0L);
        assertThat(again.imported()).extracting(file -> file.batch().duplicates()).containsExactly(3L, 1L);
        assertThat(readAll()).hasSize(4);
    }

    @Test
    void aStrictImportOfAnArchiveWithABrokenEntryChangesNothingAndReportsEveryFile() throws IOException {
        Path zip = zip("takeout.zip", Map.of("Takeout/a-contacts.vcf", CONTACTS,
                "Takeout/b/Records.json", TRUNCATED_RECORDS_JSON, "Takeout/c.html", "<html></html>",
                "Takeout/d/Records.json", RECORDS_JSON));
        List<FileReport> seen = new ArrayList<>();

        assertThatThrownBy(() -> intake.importPath(camille, zip, ImportMode.STRICT, new IntakeListener() {
            @Override
            public void done(FileReport file) {
                seen.add(file);
            }
        }))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageStartingWith("takeout.zip: nothing was imported, since 1 of its 4 files could not be read: "
                        + "takeout.zip!/Takeout/b/Records.json: /locations/1");

        assertThat(seen).extracting(FileReport::file).containsExactly("takeout.zip!/Takeout/a-contacts.vcf",
                "takeout.zip!/Takeout/b/Records.json", "takeout.zip!/Takeout/c.html", "takeout.zip!/Takeout/d/Records.json");
        assertThat(seen.getFirst()).isInstanceOfSatisfying(FileReport.Unwritten.class, unwritten -> {
            assertThat(unwritten.format()).isEqualTo("vcard");
            assertThat(unwritten.added()).isEqualTo(1);
            assertThat(unwritten.duplicates()).isZero();
        });
        assertThat(seen.get(1)).isInstanceOfSatisfying(FileReport.Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(failed.message()).startsWith("takeout.zip!/Takeout/b/Records.json: /locations/1");
        });
        assertThat(seen.get(2)).isInstanceOf(FileReport.NotRecognized.class);
        assertThat(seen.getLast()).isInstanceOfSatisfying(FileReport.Unwritten.class,
                unwritten -> assertThat(unwritten.added()).isEqualTo(3));
        assertThat(vault.imports().batches(camille.id())).isEmpty();
        assertThat(vault.imports().sources(camille.id())).isEmpty();
        assertThat(readAll()).isEmpty();
    }

    @Test
    void aStrictImportOfAWholeArchiveReportsItsFilesOnceTheyHaveLanded() throws IOException {
        Path zip = zip("takeout.zip", Map.of("Takeout/a-contacts.vcf", CONTACTS, "Takeout/b/Records.json", RECORDS_JSON));
        List<Long> batchesSeenWhenReported = new ArrayList<>();

        IntakeReport report = intake.importPath(camille, zip, ImportMode.STRICT, new IntakeListener() {
            @Override
            public void done(FileReport file) {
                batchesSeenWhenReported.add((long) vault.imports().batches(camille.id()).size());
            }
        });

        assertThat(report.imported()).hasSize(2);
        assertThat(batchesSeenWhenReported).containsExactly(2L, 2L);
    }

    @Test
    void aLenientFileOfWhichNoRecordCouldBeReadIsRefusedAndLeavesNoSourceBehind() throws IOException {
        Path zip = zip("banque.zip", Map.of("a-contacts.vcf", CONTACTS, "b-releve.csv", ALL_ROWS_BAD_CSV));

        IntakeReport report = intake.importPath(camille, zip, ImportMode.LENIENT, IntakeListener.NONE);

        assertThat(report.imported()).extracting(FileReport::file).containsExactly("banque.zip!/a-contacts.vcf");
        assertThat(report.failed()).singleElement().satisfies(failed -> {
            assertThat(failed.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(failed.message()).isEqualTo("banque.zip!/b-releve.csv: none of its 2 records could be read; "
                    + "the first, line 2: expected a date written dd/MM/yyyy in column 'Date'");
        });
        assertThat(vault.imports().sources(camille.id())).hasSize(1);
        assertThat(vault.imports().batches(camille.id())).extracting(ImportBatch::fileName)
                .containsExactly("banque.zip!/a-contacts.vcf");
    }

    @Test
    void importingTheSameFileLenientlyAgainDoesNotQuarantineItsRejectionsTwice() throws IOException {
        Path statement = Files.writeString(folder.resolve("releve.csv"), SOME_ROWS_BAD_CSV);
        IntakeReport first = intake.importPath(camille, statement, ImportMode.LENIENT, IntakeListener.NONE);

        IntakeReport again = intake.importPath(camille, statement, ImportMode.LENIENT, IntakeListener.NONE);

        assertThat(first.imported().getFirst().batch().rejected()).isEqualTo(2);
        ImportBatch repeated = again.imported().getFirst().batch();
        assertThat(repeated.added()).isZero();
        assertThat(repeated.duplicates()).isEqualTo(1);
        assertThat(repeated.rejected()).isZero();
        assertThat(repeated.alreadyRejected()).isEqualTo(2);
        assertThat(vault.imports().rejects(camille.id(), repeated.id(), 0, 10)).isEmpty();
        assertThat(vault.imports().rejects(camille.id(), first.imported().getFirst().batch().id(), 0, 10)).hasSize(2);
    }

    @Test
    void aLenientImportOfAnArchiveReportsTheBrokenEntryAndKeepsTheOthers() throws IOException {
        Path zip = zip("takeout.zip", Map.of("Takeout/a-contacts.vcf", CONTACTS,
                "Takeout/b/Records.json", TRUNCATED_RECORDS_JSON));

        IntakeReport report = intake.importPath(camille, zip, ImportMode.LENIENT, IntakeListener.NONE);

        assertThat(report.imported()).extracting(FileReport::file).containsExactly("takeout.zip!/Takeout/a-contacts.vcf");
        assertThat(report.failed()).singleElement().satisfies(failed -> {
            assertThat(failed.file()).isEqualTo("takeout.zip!/Takeout/b/Records.json");
            assertThat(failed.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(failed.message()).startsWith("takeout.zip!/Takeout/b/Records.json: /locations/1");
        });
        assertThat(vault.imports().batches(camille.id())).hasSize(1);
        assertThat(readAll()).hasSize(1);
    }

    @Test
    void aFolderIsReadLikeAnArchiveInTheOrderOfItsPaths() throws IOException {
        Path export = folder.resolve("export-camille");
        Files.createDirectories(export.resolve("location"));
        Files.writeString(export.resolve("location/Records.json"), RECORDS_JSON);
        Files.writeString(export.resolve("contacts.vcf"), CONTACTS);
        Files.writeString(export.resolve("notes.txt"), "not data");

        IntakeReport report = intake.importPath(camille, export, ImportMode.STRICT, IntakeListener.NONE);

        assertThat(report.files()).extracting(FileReport::file).containsExactly("export-camille!/contacts.vcf",
                "export-camille!/location/Records.json", "export-camille!/notes.txt");
        assertThat(report.notRecognized()).extracting(FileReport::file).containsExactly("export-camille!/notes.txt");
        assertThat(readAll()).hasSize(4);
    }

    @Test
    void aSingleFileNoImporterRecognizesIsRefused() throws IOException {
        Path notes = Files.writeString(folder.resolve("notes.txt"), "Dear diary");

        assertThatThrownBy(() -> intake.importPath(camille, notes, ImportMode.LENIENT, IntakeListener.NONE))
                .isInstanceOfSatisfying(SelfdataException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT))
                .hasMessageStartingWith("notes.txt: no importer recognizes this file; selfdata reads OFX, ");
        assertThat(vault.imports().batches(camille.id())).isEmpty();
    }

    @Test
    void aCsvFileNoImporterRecognizesIsRefusedWithTheMappingThatWouldReadItInTheReadersLanguage() throws IOException {
        Path export = Files.writeString(folder.resolve("releve.csv"), "05/01/2025;CB CAFE;-1,20\n");

        assertThatThrownBy(() -> intake.importPath(camille, export, ImportMode.STRICT, IntakeListener.NONE))
                .isInstanceOfSatisfying(SelfdataException.class, e -> {
                    assertThat(e.getMessage()).startsWith("releve.csv: no importer recognizes this file; selfdata reads OFX, ")
                            .endsWith("; a CSV file of another layout can be read with a column mapping "
                                    + "(selfdata import --mapping)");
                    assertThat(e.message(Language.FRENCH)).startsWith("releve.csv : aucun importateur ne reconnaît ce fichier ; "
                            + "selfdata lit OFX, ").endsWith(" ; un fichier CSV d’une autre disposition peut être lu avec une "
                            + "correspondance de colonnes (selfdata import --mapping)");
                });
    }

    @Test
    void aFileThatCannotBeReadInsideAnArchiveIsNamedInTheReadersLanguage() throws IOException {
        Path archive = zip("statements.zip", Map.of("casse.ofx", "OFXHEADER:100\n<OFX><BANKMSGSRSV1><STMTTRNRS>"));

        assertThatThrownBy(() -> intake.importPath(camille, archive, ImportMode.STRICT, IntakeListener.NONE))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.message(Language.FRENCH))
                        .isEqualTo("statements.zip : rien n’a été importé, car son seul fichier n’a pas pu être lu : "
                                + "statements.zip!/casse.ofx : OFX/BANKMSGSRSV1/STMTTRNRS : le fichier s’arrête ici ; "
                                + "on attendait les balises fermantes des éléments ouverts"));
    }

    @Test
    void anArchiveWithNothingRecognizableIsRefused() throws IOException {
        Path zip = zip("photos.zip", Map.of("IMG_0001.txt", "not a photo", "IMG_0002.txt", "nor this"));

        assertThatThrownBy(() -> intake.importPath(camille, zip, ImportMode.STRICT, IntakeListener.NONE))
                .isInstanceOfSatisfying(SelfdataException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT))
                .hasMessageStartingWith("photos.zip: no importer recognizes any of its 2 files");
    }

    @Test
    void anArchiveThatExpandsBeyondTheLimitIsRefusedAndChangesNothing() throws IOException {
        String padding = " ".repeat(200_000);
        Path zip = zip("bomb.zip", Map.of("a/contacts.vcf", CONTACTS,
                "b/Records.json", RECORDS_JSON.replace("[", "[" + padding)));
        Intake bounded = new Intake(Importers.standard(), vault.imports(), new IntakeLimits(100, 100_000));

        assertThatThrownBy(() -> bounded.importPath(camille, zip, ImportMode.LENIENT, IntakeListener.NONE))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE))
                .hasMessageContaining("the archive expands to more than 100000 bytes");
        assertThat(vault.imports().batches(camille.id())).isEmpty();
    }

    @Test
    void anArchiveWithTooManyEntriesIsRefused() throws IOException {
        Path zip = zip("many.zip", Map.of("1.vcf", CONTACTS, "2.vcf", CONTACTS, "3.vcf", CONTACTS));
        Intake bounded = new Intake(Importers.standard(), vault.imports(), new IntakeLimits(2, 1_000_000));

        assertThatThrownBy(() -> bounded.importPath(camille, zip, ImportMode.STRICT, IntakeListener.NONE))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE))
                .hasMessage("many.zip: the archive holds more than 2 entries, the limit of one import");
    }

    @Test
    void aDamagedArchiveIsRefusedWithItsName() throws IOException {
        byte[] whole = Files.readAllBytes(zip("whole.zip", Map.of("contacts.vcf", CONTACTS)));
        Path damaged = Files.write(folder.resolve("damaged.zip"), java.util.Arrays.copyOf(whole, whole.length - 30));

        assertThatThrownBy(() -> intake.importPath(camille, damaged, ImportMode.STRICT, IntakeListener.NONE))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessage("damaged.zip: the zip archive is damaged or incomplete");
    }

    @Test
    void anUploadSealedInTheVaultsFolderIsImportedAsTheFileItselfWouldBe() throws IOException {
        Path zip = zip("takeout.zip", Map.of("Takeout/Records.json", RECORDS_JSON, "Takeout/contacts.vcf", CONTACTS));
        IntakeReport report;
        try (SealedFile upload = vault.inProgress().newFile()) {
            try (OutputStream out = upload.write()) {
                Files.copy(zip, out);
            }

            report = intake.importSealed(camille, upload, "takeout.zip", ImportMode.STRICT, IntakeListener.NONE);
        }

        assertThat(report.imported()).extracting(FileReport::file)
                .containsExactly("takeout.zip!/Takeout/Records.json", "takeout.zip!/Takeout/contacts.vcf");
        assertThat(report.imported()).extracting(file -> file.batch().added()).containsExactly(3L, 1L);
        assertThat(readAll()).hasSize(4);
    }

    @Test
    void aSingleSealedUploadIsReadAsOneFile() throws IOException {
        IntakeReport report;
        try (SealedFile upload = vault.inProgress().newFile()) {
            try (OutputStream out = upload.write()) {
                out.write(CONTACTS.getBytes(StandardCharsets.UTF_8));
            }

            report = intake.importSealed(camille, upload, "contacts.vcf", ImportMode.STRICT, IntakeListener.NONE);
        }

        assertThat(report.imported()).extracting(FileReport::file, FileReport.Imported::format)
                .containsExactly(tuple("contacts.vcf", "vcard"));
        assertThat(readAll()).hasSize(1);
    }

    @Test
    void entryNamesThatAreNotUtf8AreReadAsTheIbm437OfOldArchivers() throws IOException {
        Path zip = folder.resolve("ancien.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip), Charset.forName("IBM437"))) {
            out.putNextEntry(new ZipEntry("Répertoire/contacts.vcf"));
            out.write(CONTACTS.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        IntakeReport report = intake.importPath(camille, zip, ImportMode.STRICT, IntakeListener.NONE);

        assertThat(report.imported()).extracting(FileReport::file).containsExactly("ancien.zip!/Répertoire/contacts.vcf");
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path zip = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipped = new ZipOutputStream(out)) {
            for (String entry : entries.keySet().stream().sorted().toList()) {
                zipped.putNextEntry(new ZipEntry(entry));
                zipped.write(entries.get(entry).getBytes(StandardCharsets.UTF_8));
                zipped.closeEntry();
            }
        }
        return zip;
    }

    private List<StoredRecord> readAll() {
        try (Stream<StoredRecord> records = vault.records().read(camille.id(), RecordQuery.all())) {
            return records.toList();
        }
    }
}
