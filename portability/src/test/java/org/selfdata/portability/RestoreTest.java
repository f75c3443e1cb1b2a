package org.selfdata.portability;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.gate.Gate;
import org.selfdata.model.BatchId;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SealedFile;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Engine.class)
class RestoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC);
    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final String POINTS = "records/geo.point.jsonl";
    private static final String CONTACTS = "records/contact.jsonl";

    @Parameter
    Engine engine;

    @TempDir
    static Path vaults;

    private static Vault exported;
    private static Person camille;
    private static Path archive;
    private static Vault restoring;

    @TempDir
    Path folder;

    private Person newcomer;

    /**
     * One archive of the sample vault, and one vault to restore it into, per database: each test restores into a new
     * person of that vault, who holds nothing yet, as a new vault's person would.
     */
    @BeforeParameterizedClassInvocation
    static void exportTheSampleVault(Engine engine) throws IOException {
        Path base = Files.createDirectories(vaults.resolve(engine.name()));
        exported = TestVaults.create(engine, base.resolve("exported"), CLOCK);
        camille = TestVaults.camille(exported);
        SampleVaults.fill(exported, camille.id());
        archive = base.resolve("camille.zip");
        new Export(exported, Gate.over(exported), CLOCK).write(camille.id(), archive, ExistingFile.REFUSE);
        restoring = TestVaults.create(engine, base.resolve("restoring"));
    }

    @AfterParameterizedClassInvocation
    static void closeVaults() {
        exported.close();
        restoring.close();
    }

    @BeforeEach
    void createAPersonWhoHoldsNothing() {
        newcomer = restoring.people().create("newcomer-" + PEOPLE.incrementAndGet(), TestVaults.PARIS);
    }

    @Test
    void anArchiveSealedInTheVaultsFolderIsRestoredAsTheFileItselfWouldBe() throws IOException {
        Manifest manifest;
        try (SealedFile upload = restoring.inProgress().newFile()) {
            try (OutputStream out = upload.write()) {
                Files.copy(archive, out);
            }

            manifest = new Restore(restoring).restore(newcomer.id(), upload, "camille.zip");
        }

        assertThat(manifest).isEqualTo(Restore.manifestOf(archive));
        assertThat(SampleVaults.all(restoring, newcomer.id(), RecordType.GEO_POINT))
                .isEqualTo(SampleVaults.all(exported, camille.id(), RecordType.GEO_POINT));
    }

    @Test
    void aSealedFileThatIsNotAZipIsRefusedUnderTheNameItCameWith() throws IOException {
        try (SealedFile upload = restoring.inProgress().newFile()) {
            try (OutputStream out = upload.write()) {
                out.write("not a zip".getBytes(UTF_8));
            }

            assertThatThrownBy(() -> new Restore(restoring).restore(newcomer.id(), upload, "archive.zip"))
                    .isInstanceOf(SelfdataException.class)
                    .hasMessage("archive.zip is not a zip archive, or it is truncated or damaged");
        }
    }

    @Test
    void restoreBringsBackEveryRecordWithItsIdProvenanceAndHistory() {
        Manifest manifest = new Restore(restoring).restore(newcomer.id(), archive);

        assertThat(manifest.records()).isEqualTo(55);
        for (RecordType type : RecordType.values()) {
            assertThat(SampleVaults.all(restoring, newcomer.id(), type))
                    .isEqualTo(SampleVaults.all(exported, camille.id(), type));
        }
        StoredRecord rent = SampleVaults.find(exported, camille.id(), SampleVaults.RENT);
        assertThat(restoring.records().history(newcomer.id(), rent.id()))
                .isEqualTo(exported.records().history(camille.id(), rent.id()));
        assertThat(restoring.imports().sources(newcomer.id())).isEqualTo(exported.imports().sources(camille.id()));
        assertThat(restoring.imports().batches(newcomer.id())).isEqualTo(exported.imports().batches(camille.id()));
        assertThat(restoring.imports().rejects(newcomer.id(), BatchId.of(2), 0, 10)).singleElement()
                .isEqualTo(exported.imports().rejects(camille.id(), BatchId.of(2), 0, 10).getFirst())
                .satisfies(reject -> assertThat(reject.rejection().text()).isPresent());
        assertThat(restoring.status(newcomer.id()).coverage()).isEqualTo(exported.status(camille.id()).coverage());
    }

    @Test
    void aRestoredVaultKnowsTheRecordsOfItsFilesAndNumbersNewOnesAfterThem() {
        new Restore(restoring).restore(newcomer.id(), archive);

        ImportBatch again = restoring.imports().write(newcomer.id(),
                new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "Records.json"),
                SyntheticRecords.points(51));

        assertThat(again.id().value()).isEqualTo(4);
        assertThat(again.duplicates()).isEqualTo(50);
        assertThat(again.added()).isEqualTo(1);
        // The import numbers every record it reads, duplicates too, from the first number the restored vault had free.
        assertThat(SampleVaults.all(restoring, newcomer.id(), RecordType.GEO_POINT).getLast().id().number()).isEqualTo(56 + 50);
    }

    @Test
    void restoreTellsHowFarItHasCome() {
        List<String> steps = new ArrayList<>();

        new Restore(restoring).restore(newcomer.id(), archive, (step, records) -> steps.add(step + " " + records));

        assertThat(steps).containsExactly("CHECKING 4", "CHECKING 54", "CHECKING 55",
                "RESTORING 4", "RESTORING 54", "RESTORING 55");
    }

    @Test
    void aPersonWhoAlreadyHoldsDataIsRefused() {
        restoring.imports().write(newcomer.id(), new ImportRequest(SyntheticRecords.BANK, "ofx", "releve.ofx"),
                Stream.of(SyntheticRecords.coffee(SampleVaults.MONDAY, 1)));

        assertThatThrownBy(() -> new Restore(restoring).restore(newcomer.id(), archive))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("a restore needs a person who holds nothing yet, and this person holds 1 source(s); "
                        + "restore into a new vault or a new person")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(restoring.imports().batches(newcomer.id())).hasSize(1);
    }

    @Test
    void aRestoreStoppedHalfWayLeavesThePersonEmpty() {
        Progress stopping = (step, records) -> {
            if (step == Progress.Step.RESTORING) {
                throw new SelfdataException(ErrorCode.INTERNAL, "the restore was stopped");
            }
        };

        assertRefused(() -> new Restore(restoring).restore(newcomer.id(), archive, stopping), ErrorCode.INTERNAL,
                "the restore was stopped");
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws IOException {
        Path notes = Files.writeString(folder.resolve("notes.zip"), "not a zip");

        assertRefused(notes, ErrorCode.INVALID_INPUT, notes + " is not a zip archive, or it is truncated or damaged");
    }

    @Test
    void aTruncatedArchiveIsRefused() throws IOException {
        byte[] whole = Files.readAllBytes(archive);
        Path truncated = Files.write(folder.resolve("truncated.zip"), Arrays.copyOf(whole, whole.length / 2));

        assertRefused(truncated, ErrorCode.INVALID_INPUT, truncated + " is not a zip archive, or it is truncated or damaged");
    }

    @Test
    void aMissingArchiveIsReported() {
        Path missing = folder.resolve("missing.zip");

        assertRefused(missing, ErrorCode.NOT_FOUND, "there is no archive at " + missing);
    }

    @Test
    void aZipWithoutManifestIsNotAnExport() {
        Path photos = folder.resolve("photos.zip");
        ArchiveEdits.write(photos, Map.of("photo.jpg", new byte[] {1, 2, 3}));

        assertRefused(photos, ErrorCode.UNSUPPORTED_FORMAT,
                "the archive is not one this selfdata can restore: it has no manifest.json, so it is not a selfdata export");
    }

    @Test
    void anotherFormatIsNotAnExport() {
        Path other = ArchiveEdits.withManifest(archive, manifest -> manifest.put("format", "takeout"));

        assertRefused(other, ErrorCode.UNSUPPORTED_FORMAT,
                "the archive is not one this selfdata can restore: manifest.json does not name the format selfdata-export");
    }

    @Test
    void aLaterVersionOfTheFormatIsRefused() {
        Path later = ArchiveEdits.withManifest(archive, manifest -> manifest.put("version", 2));

        assertRefused(later, ErrorCode.UNSUPPORTED_FORMAT, "the archive is not one this selfdata can restore: "
                + "it is not version 1 of the selfdata-export format, the one this selfdata reads");
    }

    @Test
    void anAlteredPartIsFoundByItsDigest() {
        Path altered = ArchiveEdits.altered(archive, POINTS, "\"latitude\":45.75001,", "\"latitude\":45.75009,");

        assertRefused(altered, ErrorCode.INVALID_INPUT, "the archive's records/geo.point.jsonl does not match the manifest: its "
                + "SHA-256 differs; the archive was altered or damaged");
    }

    @Test
    void aBrokenLineInAnAlteredPartIsReportedAsTheAlteration() {
        Path altered = ArchiveEdits.altered(archive, POINTS, "\"latitude\":45.75001,", "\"latitude\":45.75001}");

        assertRefused(altered, ErrorCode.INVALID_INPUT, "the archive's records/geo.point.jsonl does not match the manifest: its "
                + "SHA-256 differs; the archive was altered or damaged");
    }

    @Test
    void aShortenedPartIsFoundByItsSize() {
        Path shortened = ArchiveEdits.altered(archive, POINTS, ",\"origin\":\"GPS\"}}\n", "}}\n");

        assertRefused(shortened, ErrorCode.INVALID_INPUT, "the archive's records/geo.point.jsonl does not match the manifest: "
                + "the zip gives it " + (sizeOf(POINTS) - 50 * 15) + " bytes, the manifest " + sizeOf(POINTS));
    }

    @Test
    void aPartTheManifestListsMustBeInTheZip() {
        Map<String, byte[]> entries = ArchiveEdits.entries(archive);
        entries.remove(CONTACTS);

        assertRefused(ArchiveEdits.copy(archive, entries), ErrorCode.INVALID_INPUT,
                "the archive's manifest.json lists the part records/contact.jsonl, which the zip does not hold");
    }

    @Test
    void nothingTheManifestDoesNotListMayHideInTheZip() {
        Map<String, byte[]> entries = ArchiveEdits.entries(archive);
        entries.put("records/notes.txt", "hello".getBytes(UTF_8));

        assertRefused(ArchiveEdits.copy(archive, entries), ErrorCode.INVALID_INPUT,
                "the archive's records/notes.txt is in the zip but not in the manifest's list of parts");
    }

    @Test
    void aPayloadThatIsNotOfItsTypeIsRefusedWithItsLine() {
        Path forged = ArchiveEdits.forged(archive, POINTS, "\"latitude\":45.75001,", "\"latitude\":145.75001,");

        assertRefused(forged, ErrorCode.INVALID_INPUT, "the archive's records/geo.point.jsonl, line 2: "
                + "a geo.point payload is invalid: latitude must be a latitude between -90 and 90");
    }

    @Test
    void aTimeOutsideTheYears0000To9999IsRefusedWithItsLine() {
        Path forged = ArchiveEdits.forged(archive, CONTACTS, "\"start\":\"2025-01-01T00:00:00Z\"",
                "\"start\":\"+999999999-12-31T23:59:59Z\"");

        assertRefused(forged, ErrorCode.INVALID_INPUT, "the archive's records/contact.jsonl, line 1: field 'start' must be "
                + "an ISO-8601 instant such as 2025-01-31T08:00:00Z, in the years 0000 to 9999");
    }

    @Test
    void aPayloadNotInCanonicalFormIsRefused() {
        Path forged = ArchiveEdits.forged(archive, POINTS, "\"accuracyMeters\":11,\"origin\":\"GPS\"}",
                "\"origin\":\"GPS\",\"accuracyMeters\":11}");

        assertRefused(forged, ErrorCode.INVALID_INPUT, "the archive's records/geo.point.jsonl, line 2: the geo.point payload of "
                + "version 1 is not in canonical form (its properties in schema order, without spaces or absent values)");
    }

    @Test
    void aRefusedArchiveIsExplainedInFrenchWithThePartAndTheLineLeftAsTheyAre() {
        Path forged = ArchiveEdits.forged(archive, CONTACTS, "{\"id\":55,", "{\"id\":55,\"note\":\"x\",");

        assertThatThrownBy(() -> new Restore(restoring).restore(newcomer.id(), forged))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> assertThat(refusal.message(Language.FRENCH))
                        .isEqualTo("dans l’archive, records/contact.jsonl, ligne 1 : la ligne a un champ inconnu « note »"));
    }

    @Test
    void aPersonWhoAlreadyHoldsDataIsToldInFrenchHowManySources() {
        restoring.imports().write(newcomer.id(), new ImportRequest(SyntheticRecords.BANK, "ofx", "releve.ofx"),
                Stream.of(SyntheticRecords.coffee(SampleVaults.MONDAY, 1)));

        assertThatThrownBy(() -> new Restore(restoring).restore(newcomer.id(), archive))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> assertThat(refusal.message(Language.FRENCH))
                        .isEqualTo("une restauration demande une personne qui ne détient encore rien, et cette personne a "
                                + "1 source ; restaurez dans un nouveau coffre ou pour une nouvelle personne"));
    }

    @Test
    void aFileThatIsNotAZipIsRefusedInFrench() throws IOException {
        Path notes = Files.writeString(folder.resolve("notes.zip"), "not a zip");

        assertThatThrownBy(() -> new Restore(restoring).restore(newcomer.id(), notes))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> assertThat(refusal.message(Language.FRENCH))
                        .isEqualTo(notes + " n’est pas une archive zip, ou elle est tronquée ou endommagée"));
    }

    @Test
    void aFieldTheFormatDoesNotHaveIsRefused() {
        Path forged = ArchiveEdits.forged(archive, CONTACTS, "{\"id\":55,", "{\"id\":55,\"note\":\"x\",");

        assertRefused(forged, ErrorCode.INVALID_INPUT,
                "the archive's records/contact.jsonl, line 1: has an unknown field 'note'");
    }

    @Test
    void aForgedLogEntryIsRefusedAndNamed() {
        Path forged = ArchiveEdits.forged(archive, "log.jsonl", "\"action\":\"import\"", "\"action\":\"erasure\"");

        assertRefused(forged, ErrorCode.INVALID_INPUT,
                "the archive's log.jsonl holds 3 entries that do not make the tree log-head.json signed (3 entries)");
    }

    @Test
    void aLineThatIsNotJsonIsRefusedWithItsLine() {
        Path forged = ArchiveEdits.forged(archive, CONTACTS, "{\"id\":55,", "{\"id\":55,,");

        assertRefused(forged, ErrorCode.INVALID_INPUT,
                "the archive's records/contact.jsonl, line 1: is not valid JSON (column 10)");
    }

    @Test
    void aRecordOfABatchTheArchiveDoesNotListIsRefused() {
        Path forged = ArchiveEdits.forged(archive, CONTACTS, "\"batch\":3,", "\"batch\":9,");

        assertRefused(forged, ErrorCode.INVALID_INPUT,
                "the archive's records/contact.jsonl, line 1: the record refers to batch 9, which batches.jsonl does not list");
    }

    @Test
    void aQuarantinedRecordOfABatchTheArchiveDoesNotListIsRefused() {
        Path forged = ArchiveEdits.forged(archive, "rejects.jsonl", "\"batch\":2,", "\"batch\":9,");

        assertRefused(forged, ErrorCode.INVALID_INPUT,
                "the archive's rejects.jsonl, line 1: the rejected record refers to batch 9, which batches.jsonl does not list");
    }

    @Test
    void aBatchMustHaveAsManyQuarantinedRecordsAsItSaysItRejected() {
        Path forged = ArchiveEdits.forged(archive, "batches.jsonl", "\"rejected\":1}", "\"rejected\":2}");

        assertRefused(forged, ErrorCode.INVALID_INPUT,
                "the archive's rejects.jsonl holds 1 rejected records of batch 2, and batches.jsonl says it rejected 2");
    }

    @Test
    void aRecordMustComeFromTheSourceOfItsBatch() {
        Path forged = ArchiveEdits.forged(archive, CONTACTS, "\"source\":3,", "\"source\":1,");

        assertRefused(forged, ErrorCode.INVALID_INPUT,
                "the archive's records/contact.jsonl, line 1: the record refers to source 1, but its batch 3 imported source 3");
    }

    @Test
    void aRecordGivenTwiceIsRefused() {
        String points = ArchiveEdits.text(archive, POINTS);
        List<String> lines = points.lines().toList();
        Path forged = ArchiveEdits.forged(archive, POINTS, lines.get(1), lines.get(0));

        assertRefused(forged, ErrorCode.INVALID_INPUT, "the archive's records/geo.point.jsonl, line 2: "
                + "the records are not in the order of their start time and id, as an export writes them");
    }

    @Test
    void aPartMustHoldAsManyRecordsAsTheManifestSays() {
        Path miscounted = ArchiveEdits.withManifest(archive,
                manifest -> ((ObjectNode) manifest.get("types").get(1)).put("records", 51));

        assertRefused(miscounted, ErrorCode.INVALID_INPUT,
                "the archive's records/geo.point.jsonl holds 50 records, and the manifest says 51");
    }

    @Test
    void aRecordTypeThisSelfdataDoesNotKnowIsRefused() {
        Path unknown = ArchiveEdits.withManifest(archive,
                manifest -> ((ObjectNode) manifest.get("types").get(2)).put("type", "pet"));

        assertRefused(unknown, ErrorCode.INVALID_INPUT,
                "the archive's manifest.json names a record type this selfdata does not know: pet");
    }

    @Test
    void aZipBombIsRefusedBeforeItIsInflated() throws IOException {
        Path bomb = ArchiveEdits.forged(archive, CONTACTS, "{\"id\":55,", " ".repeat(20 << 20) + "{\"id\":55,");
        long size;
        long compressed;
        try (ZipFile zip = new ZipFile(bomb.toFile())) {
            size = zip.getEntry(CONTACTS).getSize();
            compressed = zip.getEntry(CONTACTS).getCompressedSize();
        }

        assertThat(size).isGreaterThan(20 << 20);
        assertRefused(bomb, ErrorCode.TOO_LARGE, "the archive's records/contact.jsonl would expand to " + size
                + " bytes from " + compressed + ", more than 200 times: refused as a possible zip bomb");
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedBeforeItIsReadWhole() {
        Restore restore = new Restore(restoring, new ArchiveLimits(256, 4 << 20, 200, 256));

        assertRefused(() -> restore.restore(newcomer.id(), archive), ErrorCode.TOO_LARGE,
                "the archive's records/bank.transaction.jsonl has a line longer than 256 bytes (line 1), "
                        + "more than a selfdata export holds");
    }

    private void assertRefused(Path refused, ErrorCode code, String message) {
        assertRefused(() -> new Restore(restoring).restore(newcomer.id(), refused), code, message);
    }

    private void assertRefused(ThrowingCallable restore, ErrorCode code, String message) {
        assertThatThrownBy(restore)
                .isInstanceOf(SelfdataException.class)
                .hasMessage(message)
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(code);
        assertThat(restoring.imports().sources(newcomer.id())).isEmpty();
        assertThat(restoring.imports().batches(newcomer.id())).isEmpty();
        try (Stream<StoredRecord> records = restoring.records().read(newcomer.id(), RecordQuery.all())) {
            assertThat(records).isEmpty();
        }
    }

    private static long sizeOf(String part) {
        return ArchiveEdits.entries(archive).get(part).length;
    }
}
