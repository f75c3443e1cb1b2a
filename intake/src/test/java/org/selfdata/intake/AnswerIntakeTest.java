package org.selfdata.intake;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.importers.DocumentImporter;
import org.selfdata.importers.Importers;
import org.selfdata.model.Document;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.Source;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.SourceKind;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** An organization's answer to a rights request comes in through the intake like any file, under its own source. */
class AnswerIntakeTest {
    private static final String CONTACTS = """
            BEGIN:VCARD\r
            VERSION:3.0\r
            FN:Alix Martin\r
            END:VCARD\r
            """;
    /** The first bytes of a PDF: enough for its signature; the document importer never parses it. */
    private static final String LETTER = "%PDF-1.7\n% a letter from the organization\n";
    private static final Instant RECEIVED = Instant.parse("2026-11-20T09:30:00Z");

    @TempDir
    Path folder;

    private Vault vault;
    private Person camille;
    private Intake answers;

    @BeforeEach
    void createVault() {
        vault = TestVaults.create(Engine.SQLITE, folder.resolve("vault"));
        camille = TestVaults.camille(vault);
        answers = new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT)
                .forAnswer(new SourceDescriptor(SourceKind.ANSWER, "Free Mobile", "SD-7K3Q"),
                        new DocumentImporter(TimeSpan.at(RECEIVED), (content, mediaType) -> mediaType.equals("application/pdf")
                                ? Optional.of("Réponse à votre demande d’accès") : Optional.empty()));
    }

    @AfterEach
    void closeVault() {
        vault.close();
    }

    @Test
    void whatAnImporterReadsBecomesRecordsOfTheAnsweringOrganizationAndTheRestDocuments() throws IOException {
        Path zip = folder.resolve("reponse.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipped = new ZipOutputStream(out)) {
            entry(zipped, "contacts.vcf", CONTACTS);
            entry(zipped, "courrier.pdf", LETTER);
        }

        IntakeReport report = answers.importPath(camille, zip, ImportMode.STRICT, IntakeListener.NONE);

        assertThat(report.imported()).extracting(FileReport.Imported::format).containsExactly("vcard", "document");
        assertThat(report.notRecognized()).isEmpty();
        assertThat(vault.imports().sources(camille.id())).extracting(Source::descriptor)
                .containsExactly(new SourceDescriptor(SourceKind.ANSWER, "Free Mobile", "SD-7K3Q"));
        List<StoredRecord> records = readAll();
        assertThat(records).extracting(StoredRecord::type).containsExactlyInAnyOrder(RecordType.CONTACT, RecordType.DOCUMENT);
        Document letter = records.stream().map(StoredRecord::payload).filter(Document.class::isInstance)
                .map(Document.class::cast).findFirst().orElseThrow();
        assertThat(letter.title()).isEqualTo("courrier.pdf");
        assertThat(letter.mediaType()).isEqualTo("application/pdf");
        assertThat(letter.sizeBytes()).isEqualTo(LETTER.getBytes(StandardCharsets.UTF_8).length);
        assertThat(letter.sha256()).isEqualTo("873e4c10b3eeffcca824963e4b3cb557d02dc58af41465d33560955e2526828d");
        assertThat(letter.text()).contains("Réponse à votre demande d’accès");
    }

    @Test
    void aFileNoImporterReadsIsKeptAsADocumentRatherThanRefused() throws IOException {
        Path scan = Files.write(folder.resolve("scan.bin"), new byte[] {1, 2, 3, 4});

        IntakeReport report = answers.importPath(camille, scan, ImportMode.STRICT, IntakeListener.NONE);

        assertThat(report.imported()).extracting(FileReport.Imported::format).containsExactly("document");
        Document scanned = (Document) readAll().getFirst().payload();
        assertThat(scanned.mediaType()).isEqualTo("application/octet-stream");
        assertThat(scanned.sha256()).isEqualTo("9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a");
        assertThat(scanned.text()).isEmpty();
    }

    private static void entry(ZipOutputStream zipped, String name, String content) throws IOException {
        zipped.putNextEntry(new ZipEntry(name));
        zipped.write(content.getBytes(StandardCharsets.UTF_8));
        zipped.closeEntry();
    }

    private List<StoredRecord> readAll() {
        try (Stream<StoredRecord> records = vault.records().read(camille.id(), RecordQuery.all())) {
            return records.toList();
        }
    }
}
