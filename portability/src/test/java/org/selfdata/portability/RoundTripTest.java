package org.selfdata.portability;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.gate.Gate;
import org.selfdata.model.Contact;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordTime;
import org.selfdata.model.RecordType;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;
import org.selfdata.testing.SteppingClock;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultStatus;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An archive is the vault: restored into an empty vault and exported again, it gives the same parts, byte for byte,
 * its recipients, grants and receipts included, but for the transparency log, which carries the archived entries and
 * goes on with the restore, signed by the new vault.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class RoundTripTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC);

    @Parameter
    Engine engine;

    @TempDir
    Path folder;

    private Vault original;
    private Person camille;

    @BeforeEach
    void createSampleVault() {
        SteppingClock clock = new SteppingClock(SampleSharing.JUNE);
        original = TestVaults.create(engine, folder.resolve("original"), clock);
        camille = TestVaults.camille(original);
        SampleVaults.fill(original, camille.id());
        SampleSharing.give(original, clock, camille.id());
    }

    @AfterEach
    void closeVault() {
        original.close();
    }

    @Test
    void exportRestoreAndExportAgainGiveTheSameParts() {
        Path first = folder.resolve("first.zip");
        Manifest exported = export(original, camille, first, CLOCK);

        Path second = folder.resolve("second.zip");
        Manifest again = restoreAndExport(engine, first, second);

        assertThat(withoutLog(again.parts())).isEqualTo(withoutLog(exported.parts()));
        assertThat(again.types()).isEqualTo(exported.types());
        assertThat(again.exportedAt()).isEqualTo(CLOCK.instant().plus(Duration.ofDays(1)));
        assertSameArchiveButForTheDate(first, second);
    }

    @Test
    void anArchiveMovesAVaultToTheOtherDatabase() {
        Path first = folder.resolve("first.zip");
        Manifest exported = export(original, camille, first, CLOCK);
        Engine other = engine == Engine.SQLITE ? Engine.POSTGRES : Engine.SQLITE;

        Path second = folder.resolve("second.zip");
        Manifest again = restoreAndExport(other, first, second);

        assertThat(withoutLog(again.parts())).isEqualTo(withoutLog(exported.parts()));
        assertSameArchiveButForTheDate(first, second);
    }

    @Test
    void theSharingPartsHoldTheGrantsTheirRecipientAndTheirReceipts() {
        Archives archives = exportRestoreAndExportAgain();
        Path first = archives.first();
        Path second = archives.second();

        assertThat(ArchiveEdits.text(second, ArchiveFormat.RECIPIENTS).lines()).hasSize(1);
        assertThat(ArchiveEdits.text(second, ArchiveFormat.GRANTS).lines()).hasSize(3);
        assertThat(ArchiveEdits.text(second, ArchiveFormat.RECEIPTS).lines()).hasSize(4);
        for (String part : List.of(ArchiveFormat.RECIPIENTS, ArchiveFormat.GRANTS, ArchiveFormat.RECEIPTS)) {
            assertThat(ArchiveEdits.entries(second).get(part)).as(part).isEqualTo(ArchiveEdits.entries(first).get(part));
        }
    }

    @Test
    void theRestoredLogCarriesTheArchivedEntriesThenTheRestore() {
        Archives archives = exportRestoreAndExportAgain();
        Path first = archives.first();
        Path second = archives.second();

        String before = new String(ArchiveEdits.entries(first).get(ArchiveFormat.LOG), StandardCharsets.UTF_8);
        String after = new String(ArchiveEdits.entries(second).get(ArchiveFormat.LOG), StandardCharsets.UTF_8);
        List<String> beforeLines = before.lines().toList();
        assertThat(beforeLines).isNotEmpty();
        assertThat(after).startsWith(before);
        List<String> added = after.substring(before.length()).lines().toList();
        assertThat(added).hasSize(1);
        assertThat(added.getFirst()).startsWith("{\"index\":" + beforeLines.size() + ",").contains("\"action\":\"restore\"");
    }

    @Test
    void aContactWithoutATimeLeavesWithoutOneAndComesBackWithoutOne() {
        Contact undated = new Contact("Bao Nguyen", Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        original.imports().write(camille.id(), new ImportRequest(SampleVaults.ADDRESS_BOOK, "vcard", "autres.vcf"),
                Stream.of(RecordDraft.of(RecordTime.untimed(), undated, Position.line(1))));
        Path first = folder.resolve("first.zip");
        export(original, camille, first, CLOCK);

        List<String> lines = ArchiveEdits.text(first, ArchiveFormat.recordsPart(RecordType.CONTACT)).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).contains("\"start\":\"2025-01-01T00:00:00Z\"");
        assertThat(lines.getLast()).contains("\"displayName\":\"Bao Nguyen\"").doesNotContain("\"start\"", "\"end\"");

        try (Vault restored = TestVaults.create(engine, folder.resolve("restored"))) {
            Person newcomer = TestVaults.camille(restored);
            new Restore(restored).restore(newcomer.id(), first);

            List<StoredRecord> contacts = SampleVaults.all(restored, newcomer.id(), RecordType.CONTACT);
            assertThat(contacts).extracting(StoredRecord::time)
                    .containsExactly(TimeSpan.at(SyntheticRecords.START), RecordTime.untimed());
            assertThat(contacts.getLast().payload()).isEqualTo(undated);
            assertThat(restored.status(newcomer.id()).byType().get(RecordType.CONTACT))
                    .isEqualTo(new VaultStatus.Totals(2, Optional.of(TimeSpan.at(SyntheticRecords.START))));
        }
    }

    /** The sample's archive, and the archive of a new vault it was restored into. */
    private record Archives(Path first, Path second) {}

    private Archives exportRestoreAndExportAgain() {
        Path first = folder.resolve("first.zip");
        export(original, camille, first, CLOCK);
        Path second = folder.resolve("second.zip");
        restoreAndExport(engine, first, second);
        return new Archives(first, second);
    }

    private static List<Part> withoutLog(List<Part> parts) {
        return parts.stream().filter(part -> !isLog(part.name())).toList();
    }

    private static boolean isLog(String name) {
        return name.equals(ArchiveFormat.LOG) || name.equals(ArchiveFormat.LOG_HEAD);
    }

    private Manifest restoreAndExport(Engine target, Path archive, Path exportedAgain) {
        try (Vault restored = TestVaults.create(target, folder.resolve("restored-" + target))) {
            Person newcomer = TestVaults.camille(restored);
            new Restore(restored).restore(newcomer.id(), archive);
            return export(restored, newcomer, exportedAgain, Clock.offset(CLOCK, Duration.ofDays(1)));
        }
    }

    private static Manifest export(Vault vault, Person person, Path target, Clock clock) {
        return new Export(vault, Gate.over(vault), clock).write(person.id(), target, ExistingFile.REFUSE);
    }

    private static void assertSameArchiveButForTheDate(Path first, Path second) {
        Map<String, byte[]> before = ArchiveEdits.entries(first);
        Map<String, byte[]> after = ArchiveEdits.entries(second);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        before.keySet().stream().filter(name -> !name.equals(ArchiveFormat.MANIFEST) && !isLog(name))
                .forEach(name -> assertThat(after.get(name)).as(name).isEqualTo(before.get(name)));
        assertThat(withoutDate(after.get(ArchiveFormat.MANIFEST))).isEqualTo(withoutDate(before.get(ArchiveFormat.MANIFEST)));
    }

    private static ObjectNode withoutDate(byte[] manifest) {
        ObjectNode read = (ObjectNode) JsonMapper.builder().build().readTree(manifest);
        read.remove("exportedAt");
        ArrayNode parts = (ArrayNode) read.get("parts");
        for (int position = parts.size() - 1; position >= 0; position--) {
            if (isLog(parts.get(position).get("name").asString())) {
                parts.remove(position);
            }
        }
        return read;
    }
}
