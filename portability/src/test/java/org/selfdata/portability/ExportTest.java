package org.selfdata.portability;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.gate.Gate;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.testing.FileModes;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

@ParameterizedClass
@EnumSource(Engine.class)
class ExportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC);

    @Parameter
    Engine engine;

    @TempDir
    static Path vaults;

    private static Vault vault;
    private static Person camille;

    @TempDir
    Path folder;

    private Export export;
    private Path target;

    /** The sample vault is only read by these tests: one per database is enough, and PostgreSQL's take seconds to make. */
    @BeforeParameterizedClassInvocation
    static void createSampleVault(Engine engine) {
        vault = TestVaults.create(engine, vaults.resolve(engine.name()), CLOCK);
        camille = TestVaults.camille(vault);
        SampleVaults.fill(vault, camille.id());
    }

    @AfterParameterizedClassInvocation
    static void closeSampleVault() {
        vault.close();
    }

    @BeforeEach
    void createExportFolder() throws IOException {
        export = new Export(vault, Gate.over(vault), CLOCK);
        target = Files.createDirectory(folder.resolve("exports")).resolve("camille.zip");
    }

    @Test
    void theArchiveHoldsEachTypesPartsThenProvenanceThenTheManifest() {
        Manifest manifest = export.write(camille.id(), target, ExistingFile.REFUSE);

        assertThat(ArchiveEdits.entries(target).keySet()).containsExactly(
                "records/bank.transaction.jsonl", "records/bank.transaction.csv",
                "records/geo.point.jsonl", "records/geo.point.csv",
                "records/contact.jsonl",
                "sources.jsonl", "batches.jsonl", "rejects.jsonl", "recipients.jsonl", "grants.jsonl", "receipts.jsonl",
                "csv-mappings.jsonl", "rights-organizations.jsonl", "rights-requests.jsonl", "rights-documents.jsonl",
                "rights-settings.jsonl", "place-corrections.jsonl", "recurring-corrections.jsonl", "log.jsonl", "log-head.json",
                "manifest.json");
        assertThat(manifest.types())
                .extracting(Manifest.TypeContents::type, Manifest.TypeContents::records, Manifest.TypeContents::parts)
                .containsExactly(
                        tuple(RecordType.BANK_TRANSACTION, 4L,
                                List.of("records/bank.transaction.jsonl", "records/bank.transaction.csv")),
                        tuple(RecordType.GEO_POINT, 50L, List.of("records/geo.point.jsonl", "records/geo.point.csv")),
                        tuple(RecordType.CONTACT, 1L, List.of("records/contact.jsonl")));
        assertThat(manifest.records()).isEqualTo(55);
    }

    @Test
    void theManifestGivesEachPartsSizeAndDigest() {
        Manifest manifest = export.write(camille.id(), target, ExistingFile.REFUSE);

        Map<String, byte[]> entries = ArchiveEdits.entries(target);
        assertThat(manifest.parts()).extracting(Part::name).containsExactly(
                "records/bank.transaction.jsonl", "records/bank.transaction.csv",
                "records/geo.point.jsonl", "records/geo.point.csv",
                "records/contact.jsonl", "sources.jsonl", "batches.jsonl", "rejects.jsonl", "recipients.jsonl", "grants.jsonl",
                "receipts.jsonl", "csv-mappings.jsonl", "rights-organizations.jsonl", "rights-requests.jsonl",
                "rights-documents.jsonl", "rights-settings.jsonl", "place-corrections.jsonl", "recurring-corrections.jsonl",
                "log.jsonl", "log-head.json");
        assertThat(manifest.parts()).allSatisfy(part -> {
            assertThat(part.size()).isEqualTo(entries.get(part.name()).length);
            assertThat(part.sha256()).isEqualTo(ArchiveEdits.sha256(entries.get(part.name())));
        });
    }

    @Test
    void theManifestNamesTheFormatThePersonAndEachTypesSchema() throws IOException {
        Manifest manifest = export.write(camille.id(), target, ExistingFile.REFUSE);

        JsonNode written = JsonMapper.builder().build().readTree(ArchiveEdits.entries(target).get("manifest.json"));
        assertThat(written.get("format").stringValue()).isEqualTo("selfdata-export");
        assertThat(written.get("version").intValue()).isEqualTo(1);
        assertThat(written.get("exportedAt").stringValue()).isEqualTo("2026-02-01T10:00:00Z");
        assertThat(written.get("person").get("handle").stringValue()).isEqualTo("camille");
        assertThat(written.get("person").get("zone").stringValue()).isEqualTo("Europe/Paris");
        try (InputStream schema = RecordType.class.getResourceAsStream(RecordType.GEO_POINT.schemaResource())) {
            assertThat(written.get("types").get(1).get("schema")).isEqualTo(JsonMapper.builder().build().readTree(schema));
        }
        assertThat(written.get("parts").get(2).get("sha256").stringValue()).isEqualTo(manifest.parts().get(2).sha256());
        assertThat(ManifestJson.read(ArchiveEdits.entries(target).get("manifest.json"))).isEqualTo(manifest);
    }

    @Test
    void aRecordIsOneLineWithItsIdTimeProvenanceAndPayloadAsTheVaultHoldsIt() {
        export.write(camille.id(), target, ExistingFile.REFUSE);

        assertThat(ArchiveEdits.text(target, "records/geo.point.jsonl").lines().findFirst()).contains(
                "{\"id\":1,\"type\":\"geo.point\",\"category\":\"pd:GPSCoordinate\","
                + "\"start\":\"2025-01-01T00:00:00Z\",\"end\":\"2025-01-01T00:00:00Z\",\"source\":1,\"batch\":1,"
                + "\"position\":\"/locations/0\",\"occurrence\":1,\"version\":1,"
                + "\"payload\":{\"latitude\":45.75,\"longitude\":4.85,\"accuracyMeters\":10,\"origin\":\"GPS\"}}");
        assertThat(ArchiveEdits.text(target, "records/geo.point.jsonl")).endsWith("}\n").hasLineCount(50);
    }

    @Test
    void aRectifiedRecordCarriesItsEarlierVersionsOldestFirst() {
        export.write(camille.id(), target, ExistingFile.REFUSE);

        String rent = ArchiveEdits.text(target, "records/bank.transaction.jsonl").lines().toList().get(2);
        String payload = "{\"account\":\"00012346789\",\"bookingDate\":\"2025-03-10\",\"amount\":%s,\"currency\":\"EUR\","
                + "\"label\":\"PRLV SEPA LOYER\",\"counterparty\":\"SCI Guillotière\",\"kind\":\"DEBIT\"}";
        assertThat(rent).isEqualTo("{\"id\":53,\"type\":\"bank.transaction\",\"category\":\"pd:Transaction\","
                + "\"start\":\"2025-03-09T23:00:00Z\",\"end\":\"2025-03-10T23:00:00Z\",\"source\":2,\"batch\":2,"
                + "\"position\":\"line 3\",\"occurrence\":1,\"version\":3,"
                + "\"payload\":" + payload.formatted("-485.00") + ",\"history\":["
                + "{\"version\":1,\"category\":\"pd:Transaction\",\"position\":\"line 3\","
                + "\"payload\":" + payload.formatted("-480.00")
                + ",\"supersededAt\":\"2026-02-01T10:00:00Z\"},"
                + "{\"version\":2,\"category\":\"pd:Transaction\",\"position\":\"line 3\","
                + "\"payload\":" + payload.formatted("-490.00")
                + ",\"supersededAt\":\"2026-02-01T10:00:00Z\"}]}");
    }

    @Test
    void aTableHasOneRowPerRecordWithFormulasDefusedAndNumbersLeftAsNumbers() {
        export.write(camille.id(), target, ExistingFile.REFUSE);

        String day = "2025-03-09T23:00:00Z,2025-03-10T23:00:00Z,pd:Transaction,2,00012346789,2025-03-10,";
        assertThat(ArchiveEdits.text(target, "records/bank.transaction.csv")).isEqualTo(
                "id,start,end,category,source,account,bookingDate,valueDate,amount,currency,label,counterparty,reference,"
                        + "memo,kind,bankCategory\r\n"
                        + "51," + day + ",-1.20,EUR,CB CAFE DE LA FAC,,,,,\r\n"
                        + "52," + day + ",-1.20,EUR,CB CAFE DE LA FAC,,,,,\r\n"
                        + "53," + day + ",-485.00,EUR,PRLV SEPA LOYER,SCI Guillotière,,,DEBIT,\r\n"
                        + "54," + day + "2025-03-11,-3.30,EUR,\"'=HYPERLINK(\"\"https://example.org\"\")\","
                        + "\"'@Boulangerie, Paul\",'+REF-42,\"'-10%\r\nfidélité\",DEBIT,\r\n");
        assertThat(ArchiveEdits.entries(target).get("records/geo.point.csv")).startsWith((
                "id,start,end,category,source,latitude,longitude,accuracyMeters,altitudeMeters,origin,activity,device\r\n"
                        + "1,2025-01-01T00:00:00Z,2025-01-01T00:00:00Z,pd:GPSCoordinate,1,45.75,4.85,10,,GPS,,\r\n")
                        .getBytes(UTF_8));
    }

    @Test
    void sourcesAndBatchesAreWrittenWithEveryField() {
        export.write(camille.id(), target, ExistingFile.REFUSE);

        assertThat(ArchiveEdits.text(target, "sources.jsonl")).isEqualTo(
                "{\"id\":1,\"kind\":\"FILE\",\"organization\":\"Google\",\"label\":\"Location History\","
                        + "\"createdAt\":\"2026-02-01T10:00:00Z\"}\n"
                        + "{\"id\":2,\"kind\":\"FILE\",\"organization\":\"Banque Exemple\",\"label\":\"account ••6789\","
                        + "\"createdAt\":\"2026-02-01T10:00:00Z\"}\n"
                        + "{\"id\":3,\"kind\":\"FILE\",\"organization\":\"Apple\",\"label\":\"Contacts\","
                        + "\"createdAt\":\"2026-02-01T10:00:00Z\"}\n");
        assertThat(ArchiveEdits.text(target, "batches.jsonl").lines().toList().get(1)).isEqualTo(
                "{\"id\":2,\"source\":2,\"format\":\"ofx\",\"fileName\":\"releve-mars.ofx\","
                        + "\"startedAt\":\"2026-02-01T10:00:00Z\",\"finishedAt\":\"2026-02-01T10:00:00Z\","
                        + "\"added\":4,\"duplicates\":0,\"rejected\":1}");
        assertThat(ArchiveEdits.text(target, "rejects.jsonl")).isEqualTo(
                "{\"batch\":2,\"number\":1,\"position\":\"line 5\",\"reason\":\"the amount is not a number\","
                        + "\"text\":\"Date;Libellé;Montant\\n05/03/2026;BOULANGERIE;douze\"}\n");
    }

    @Test
    void theSameContentGivesTheSameEntriesWhateverTheDay() throws IOException {
        Manifest first = export.write(camille.id(), target, ExistingFile.REFUSE);
        Path later = target.resolveSibling("later.zip");
        Manifest second = new Export(vault, Gate.over(vault), Clock.offset(CLOCK, Duration.ofDays(40)))
                .write(camille.id(), later, ExistingFile.REFUSE);

        assertThat(withoutLog(second.parts())).isEqualTo(withoutLog(first.parts()));
        assertThat(ArchiveEdits.text(later, "log.jsonl")).startsWith(ArchiveEdits.text(target, "log.jsonl"))
                .as("the first export is on the log the second archive carries").contains("\"action\":\"export\"");
        assertThat(second.exportedAt()).isEqualTo(Instant.parse("2026-03-13T10:00:00Z"));
        try (ZipFile zip = new ZipFile(later.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getTimeLocal)).containsOnly(LocalDateTime.of(2000, 1, 1, 0, 0));
            assertThat(zip.stream().map(ZipEntry::getExtra)).containsOnlyNulls();
        }
    }

    @Test
    void anExistingFileIsLeftAsItWasUnlessReplacingIsAsked() throws IOException {
        Files.writeString(target, "an earlier archive");

        assertThatThrownBy(() -> export.write(camille.id(), target, ExistingFile.REFUSE))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("there is already a file at " + target + "; choose another name, or allow the export to replace it")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(target).hasContent("an earlier archive");
        assertThat(listFolder()).containsExactly("camille.zip");

        Manifest manifest = export.write(camille.id(), target, ExistingFile.REPLACE);

        long sourcesSize = manifest.part("sources.jsonl").orElseThrow().size();
        assertThat(ArchiveEdits.entries(target).get("sources.jsonl")).hasSize((int) sourcesSize);
        assertThat(listFolder()).containsExactly("camille.zip");
    }

    @Test
    void exportTellsHowFarItHasComeOnceEachTypeIsDone() {
        List<String> steps = new ArrayList<>();

        export.write(camille.id(), target, ExistingFile.REFUSE, (step, records) -> steps.add(step + " " + records));

        assertThat(steps).containsExactly("EXPORTING 4", "EXPORTING 54", "EXPORTING 55");
    }

    @Test
    void anExportThatFailsHalfWayLeavesNoArchiveAndNoTemporaryFile() {
        Progress failing = (step, records) -> {
            if (records >= 50) {
                throw new SelfdataException(ErrorCode.INTERNAL, "the export was stopped");
            }
        };

        assertThatThrownBy(() -> export.write(camille.id(), target, ExistingFile.REFUSE, failing))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the export was stopped");

        assertThat(target).doesNotExist();
        assertThat(listFolder()).isEmpty();
        assertThat(vault.inProgress().held()).isZero();
    }

    @Test
    void anArchiveIsReadableByItsOwnerOnly() throws IOException {
        export.write(camille.id(), target, ExistingFile.REFUSE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
    }

    @Test
    void anArchiveThatReplacesAFileOthersCouldReadIsReadableByItsOwnerOnly() throws IOException {
        Files.writeString(target, "an earlier archive");
        FileModes.set(target, "rw-r--r--");

        export.write(camille.id(), target, ExistingFile.REPLACE);

        assertThat(FileModes.mode(target)).isEqualTo("rw-------");
        assertThat(listFolder()).containsExactly("camille.zip");
    }

    @Test
    void aSealedArchiveIsTheArchiveItselfAndGoesWhenClosed() throws IOException {
        try (Export.Sealed sealed = export.seal(camille.id()); InputStream in = sealed.file().read()) {
            Files.copy(in, target);

            assertThat(vault.inProgress().held()).isEqualTo(1);
            assertThat(Restore.manifestOf(target)).isEqualTo(sealed.manifest());
            assertThat(sealed.manifest().records()).isEqualTo(55);
            assertThat(sealed.file().size()).isEqualTo(Files.size(target));
        }

        assertThat(vault.inProgress().held()).isZero();
        assertThat(vault.inProgress().folder()).isEmptyDirectory();
    }

    @Test
    void anExportIntoAFolderThatDoesNotExistIsRefused() {
        Path nowhere = folder.resolve("missing").resolve("camille.zip");

        assertThatThrownBy(() -> export.write(camille.id(), nowhere, ExistingFile.REFUSE))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("cannot write the archive " + nowhere + ": its folder does not exist");
    }

    @Test
    void aPersonWithoutRecordsGetsAnArchiveWithEmptyProvenanceOnly() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);

        Manifest manifest = export.write(dominique.id(), target, ExistingFile.REFUSE);

        assertThat(manifest.types()).isEmpty();
        assertThat(manifest.parts().subList(0, 14)).extracting(Part::name, Part::size).containsExactly(
                tuple("sources.jsonl", 0L), tuple("batches.jsonl", 0L), tuple("rejects.jsonl", 0L),
                tuple("recipients.jsonl", 0L), tuple("grants.jsonl", 0L), tuple("receipts.jsonl", 0L),
                tuple("csv-mappings.jsonl", 0L), tuple("rights-organizations.jsonl", 0L), tuple("rights-requests.jsonl", 0L),
                tuple("rights-documents.jsonl", 0L), tuple("rights-settings.jsonl", 0L),
                tuple("place-corrections.jsonl", 0L),
                tuple("recurring-corrections.jsonl", 0L), tuple("log.jsonl", 0L));
        assertThat(ArchiveEdits.entries(target).keySet()).containsExactly("sources.jsonl", "batches.jsonl", "rejects.jsonl",
                "recipients.jsonl", "grants.jsonl", "receipts.jsonl", "csv-mappings.jsonl", "rights-organizations.jsonl",
                "rights-requests.jsonl", "rights-documents.jsonl", "rights-settings.jsonl", "place-corrections.jsonl",
                "recurring-corrections.jsonl", "log.jsonl", "log-head.json", "manifest.json");
    }

    @Test
    void theLogIsWrittenLeafByLeafWithItsSignedHeadAndKey() {
        export.write(camille.id(), target, ExistingFile.REFUSE);

        List<String> lines = ArchiveEdits.text(target, "log.jsonl").lines().toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(line -> assertThat(line).containsAnyOf("\"action\":\"import\"",
                "\"action\":\"export\""));
        assertThat(lines.getFirst()).contains("\"action\":\"import\"");
        var head = JsonMapper.builder().build().readTree(ArchiveEdits.text(target, "log-head.json"));
        assertThat(head.get("treeSize").asLong()).isEqualTo(lines.size());
        assertThat(head.get("keys").get("keys").get(0).get("kty").asString()).isEqualTo("EC");
        assertThat(head.get("keys").get("keys").get(0).has("d")).isFalse();
    }

    private static List<Part> withoutLog(List<Part> parts) {
        return parts.stream().filter(part -> !part.name().startsWith("log")).toList();
    }

    private List<String> listFolder() {
        try (Stream<Path> files = Files.list(target.getParent())) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
