package org.selfdata.portability;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.gate.Gate;
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogEntry;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.AccessItem;
import org.selfdata.rights.MailAccount;
import org.selfdata.rights.MailServer;
import org.selfdata.rights.MailTimeouts;
import org.selfdata.rights.Organization;
import org.selfdata.rights.ReminderSettings;
import org.selfdata.rights.Requests;
import org.selfdata.rights.Right;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.Sender;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.LogVerification;
import org.selfdata.vault.RightsRequests;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A restore brings the rights desk back as the person left it: their own organization, their sender, their requests
 * with the same ids, steps, dates and documents, the checklist of an answer, their CSV mappings; the documents keep
 * their bytes, so the evidence pack built after the restore holds the same documents and the log entries that name
 * their digests still verify. The mailbox's password and the calendar feed's token stay behind.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class RightsRestoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);
    /** The restore happens a month later: anything it dated itself would differ. */
    private static final Clock LATER = Clock.offset(CLOCK, Duration.ofDays(30));
    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final String CALENDAR_TOKEN = "calendar-token-5f1d0c9a7e";
    private static final String LAYOUT = "0123456789abcdef0123456789abcdef";
    private static final String MAPPING = "delimiter=;\ndate=Date\namount=Montant\n";
    private static final String STATEMENT = """
            Date;Libellé;Montant(EUROS)
            12/01/2026;"COTISATION MUTUELLE";-42,10
            """;
    private static final byte[] ANSWER_LETTER = "Madame, vous trouverez ci-joint vos données.\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final Organization LILAS = new Organization("mutuelle-des-lilas", "Mutuelle des Lilas",
            Optional.of("12 rue des Lilas\n93260 Les Lilas\nFrance"), Optional.of("dpo@mutuelle-des-lilas.example"),
            Optional.empty(), Optional.empty(), Optional.of("https://mutuelle-des-lilas.example/"), Optional.empty(),
            List.of("insurance"), List.of("fr"), List.of(), false, Optional.of("fr"), Optional.empty(), false,
            Organization.Origin.PERSON);

    @Parameter
    Engine engine;

    @TempDir
    Path folder;

    private Vault original;
    private Person camille;
    private RightsDesk desk;
    private String answered;
    private String waiting;
    private Path archive;

    /**
     * Camille asked her mutual insurer for her data by post and got an answer with two files, whose checklist she
     * ticked; she asked it to erase her data by e-mail and waits. She keeps the insurer as her own organization, a
     * mailbox with reminders by e-mail turned on, a calendar feed and a CSV mapping.
     */
    @BeforeEach
    void exportCamillesDesk() {
        original = TestVaults.create(engine, folder.resolve("original"), CLOCK);
        camille = TestVaults.camille(original);
        desk = desk(original, CLOCK);
        desk.settings().saveSender(camille.id(), new Sender("Camille Martin",
                Optional.of("12 rue de la République\n69002 Lyon\nFrance"), Optional.of("camille@example.org")));
        desk.settings().saveMailAccount(camille.id(), new MailAccount(
                new MailServer("smtp.example.org", 587, MailServer.Security.STARTTLS), Optional.empty(),
                "camille@example.org", PASSWORD, "camille@example.org", "Camille Martin", "INBOX", Optional.empty(),
                false, MailTimeouts.standard()));
        original.rightsRequests().saveSetting(camille.id(), "calendar.token", CALENDAR_TOKEN);
        desk.settings().saveReminders(camille.id(), new ReminderSettings(true, 5, Language.FRENCH));
        original.csvMappings().save(camille.id(), LAYOUT, MAPPING);
        desk.organizations().save(camille.id(), LILAS);

        answered = draft(Right.ACCESS, Organization.Channel.LETTER, Language.FRENCH);
        desk.markSent(camille.id(), answered, LocalDate.of(2026, 2, 2));
        desk.answer(camille.id(), answered, LocalDate.of(2026, 3, 2), false, List.of(
                new Requests.Attachment("relevé.csv", "text/csv", STATEMENT.getBytes(StandardCharsets.UTF_8)),
                new Requests.Attachment("réponse.txt", "text/plain", ANSWER_LETTER)));
        desk.tick(camille.id(), answered, Set.of(AccessItem.PURPOSES, AccessItem.COPY));
        waiting = draft(Right.ERASURE, Organization.Channel.EMAIL, Language.ENGLISH);
        desk.markSent(camille.id(), waiting, LocalDate.of(2026, 3, 9));

        archive = folder.resolve("camille.zip");
        new Export(original, Gate.over(original), CLOCK).write(camille.id(), archive, ExistingFile.REFUSE);
    }

    @AfterEach
    void closeVault() {
        original.close();
    }

    @Test
    void theRestoredDeskShowsTheSameRequestsTimelinesLettersAndChecklist() {
        try (Vault restored = TestVaults.create(engine, folder.resolve("restored"), LATER)) {
            Person newcomer = TestVaults.camille(restored);
            new Restore(restored).restore(newcomer.id(), archive);
            RightsDesk restoredDesk = desk(restored, CLOCK);

            assertThat(restoredDesk.overview(newcomer.id())).isEqualTo(desk.overview(camille.id()))
                    .extracting(view -> view.timeline().request().id()).containsExactlyInAnyOrder(answered, waiting);
            for (String request : List.of(answered, waiting)) {
                assertThat(restoredDesk.request(newcomer.id(), request)).isEqualTo(desk.request(camille.id(), request));
                assertThat(restoredDesk.letter(newcomer.id(), request)).isEqualTo(desk.letter(camille.id(), request));
            }
            assertThat(restoredDesk.missing(newcomer.id(), answered)).isEqualTo(desk.missing(camille.id(), answered))
                    .hasSize(8);
            assertThat(restoredDesk.settings().sender(newcomer.id())).isEqualTo(desk.settings().sender(camille.id()));
            assertThat(restoredDesk.organizations().all(newcomer.id())).containsExactly(LILAS);
            assertThat(restored.csvMappings().saved(newcomer.id())).isEqualTo(original.csvMappings().saved(camille.id()));
            assertThat(restored.rightsRequests().kept(newcomer.id()))
                    .isEqualTo(original.rightsRequests().kept(camille.id()));
        }
    }

    @Test
    void theEvidencePackBuiltAfterTheRestoreHoldsTheSameDocumentsTimelineAndLogEntries() throws Exception {
        try (Vault restored = TestVaults.create(engine, folder.resolve("restored"), LATER)) {
            Person newcomer = TestVaults.camille(restored);
            new Restore(restored).restore(newcomer.id(), archive);

            Map<String, byte[]> before = evidence(desk, camille.id());
            Map<String, byte[]> after = evidence(desk(restored, CLOCK), newcomer.id());

            assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
            assertThat(before.keySet()).filteredOn(name -> name.startsWith("documents/")).hasSize(3);
            before.keySet().stream()
                    .filter(name -> name.startsWith("documents/") || name.startsWith("log/entries/"))
                    .forEach(name -> assertThat(after.get(name)).as(name).isEqualTo(before.get(name)));
            assertThat(digestsOfDocuments(after)).isEqualTo(digestsOfDocuments(before)).hasSize(3);
            // The steps are the same; the log they point into goes on, with the restore, under the new vault's key.
            assertThat(steps(after)).isEqualTo(steps(before));
        }
    }

    @Test
    void theRightsEntriesOfTheLogSurviveTheRestoreAndTheLogStillVerifies() {
        try (Vault restored = TestVaults.create(engine, folder.resolve("restored"), LATER)) {
            Person newcomer = TestVaults.camille(restored);
            new Restore(restored).restore(newcomer.id(), archive);

            List<LogEntry> steps = rightsEntries(original, camille.id());
            assertThat(steps).hasSize(5).extracting(entry -> entry.draft().action())
                    .containsExactly(LogAction.REQUEST, LogAction.LETTER, LogAction.ANSWER, LogAction.REQUEST,
                            LogAction.LETTER);
            assertThat(rightsEntries(restored, newcomer.id())).isEqualTo(steps);
            assertThat(restored.log().verify(newcomer.id())).isInstanceOf(LogVerification.Intact.class);
        }
    }

    @Test
    void theMailboxPasswordTheCalendarTokenAndTheRemindersThatLeaveFromTheMailboxAreNotExported() {
        Map<String, byte[]> entries = ArchiveEdits.entries(archive);
        String settings = new String(entries.get(ArchiveFormat.RIGHTS_SETTINGS), StandardCharsets.UTF_8);

        assertThat(settings.lines().map(line -> line.substring(0, line.indexOf(",\"value\""))))
                .containsExactly("{\"name\":\"checklist." + answered + "\"", "{\"name\":\"sender\"");
        entries.forEach((name, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(name)
                .doesNotContain(PASSWORD, CALENDAR_TOKEN));
        try (Vault restored = TestVaults.create(engine, folder.resolve("restored"), LATER)) {
            Person newcomer = TestVaults.camille(restored);
            new Restore(restored).restore(newcomer.id(), archive);

            assertThat(desk(restored, CLOCK).settings().mailAccount(newcomer.id())).isEmpty();
            assertThat(restored.rightsRequests().findSetting(newcomer.id(), "calendar.token")).isEmpty();
            assertThat(desk(restored, CLOCK).settings().reminders(newcomer.id())).isEmpty();
        }
    }

    @Test
    void exportingTheRestoredDeskAgainGivesTheSameParts() {
        Path again = folder.resolve("again.zip");
        try (Vault restored = TestVaults.create(engine, folder.resolve("restored"), LATER)) {
            Person newcomer = TestVaults.camille(restored);
            new Restore(restored).restore(newcomer.id(), archive);
            new Export(restored, Gate.over(restored), LATER).write(newcomer.id(), again, ExistingFile.REFUSE);
        }

        Map<String, byte[]> before = ArchiveEdits.entries(archive);
        Map<String, byte[]> after = ArchiveEdits.entries(again);
        for (String part : List.of(ArchiveFormat.CSV_MAPPINGS, ArchiveFormat.RIGHTS_ORGANIZATIONS,
                ArchiveFormat.RIGHTS_REQUESTS, ArchiveFormat.RIGHTS_DOCUMENTS, ArchiveFormat.RIGHTS_SETTINGS,
                ArchiveFormat.recordsPart(RecordType.DOCUMENT), ArchiveFormat.recordsPart(RecordType.BANK_TRANSACTION))) {
            assertThat(after.get(part)).as(part).isNotEmpty().isEqualTo(before.get(part));
        }
    }

    @Test
    void aDocumentWhoseBytesWereChangedIsRefusedByNameAndLineAndNothingIsRestored() {
        String document = original.rightsRequests().kept(camille.id()).stream()
                .filter(request -> request.id().equals(answered)).findFirst().orElseThrow()
                .events().get(2).documents().get(1).id();
        long line = original.rightsRequests().kept(camille.id()).getFirst().id().equals(answered) ? 3 : 4;
        Path forged = ArchiveEdits.forged(archive, ArchiveFormat.RIGHTS_DOCUMENTS,
                Base64.getEncoder().encodeToString(ANSWER_LETTER),
                Base64.getEncoder().encodeToString("Madame, vous trouverez ci-joint vos donnees!!\n"
                        .getBytes(StandardCharsets.UTF_8)));

        assertRefusedLeavingNothing(forged, "the archive's rights-documents.jsonl, line " + line + ": the bytes of the "
                + "document " + document + " do not have the SHA-256 its step gives");
    }

    @Test
    void aRightsPartAlteredAfterTheExportIsRefusedByItsDigest() {
        Path altered = ArchiveEdits.altered(archive, ArchiveFormat.RIGHTS_REQUESTS, "\"status\":\"sent\"",
                "\"status\":\"refused\"");

        assertThatThrownBy(() -> restoreInto(altered))
                .isInstanceOfSatisfying(SelfdataException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageStartingWith("the archive's rights-requests.jsonl ");
    }

    @Test
    void aStepOutOfOrderIsRefusedByNameAndLineAndNothingIsRestored() {
        Path forged = ArchiveEdits.forged(archive, ArchiveFormat.RIGHTS_REQUESTS, "\"index\":1,", "\"index\":2,");
        String first = original.rightsRequests().kept(camille.id()).getFirst().id();

        assertRefusedLeavingNothing(forged, "the archive's rights-requests.jsonl, line 1: the steps of the rights "
                + "request " + first + " are not numbered from 0 without a gap, or belong to another request");
    }

    @Test
    void anArchiveWithoutOneOfTheRightsPartsIsRefusedByName() {
        Map<String, byte[]> entries = ArchiveEdits.entries(archive);
        entries.remove(ArchiveFormat.RIGHTS_SETTINGS);
        Path partial = ArchiveEdits.withManifest(ArchiveEdits.copy(archive, entries), manifest -> {
            ArrayNode parts = (ArrayNode) manifest.get("parts");
            for (int position = parts.size() - 1; position >= 0; position--) {
                if (parts.get(position).get("name").asString().equals(ArchiveFormat.RIGHTS_SETTINGS)) {
                    parts.remove(position);
                }
            }
        });

        assertRefusedLeavingNothing(partial,
                "the archive's manifest.json does not describe the part rights-settings.jsonl in its list of parts");
    }

    @Test
    void aPersonWhoAlreadyBeganWithTheRightsDeskIsNotRestoredInto() {
        try (Vault restored = TestVaults.create(engine, folder.resolve("restored"), LATER)) {
            Person newcomer = TestVaults.camille(restored);
            RightsDesk restoredDesk = desk(restored, CLOCK);
            Sender begun = new Sender("Camille M.", Optional.empty(), Optional.of("camille@example.org"));
            restoredDesk.settings().saveSender(newcomer.id(), begun);

            assertThatThrownBy(() -> new Restore(restored).restore(newcomer.id(), archive))
                    .isInstanceOfSatisfying(SelfdataException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                    .hasMessage("a restore needs a person who holds nothing, and this person already keeps rights "
                            + "requests, organizations or settings of the rights desk, CSV mappings or corrections of "
                            + "places or payments; restore into a "
                            + "new vault, or erase them first");
            assertThat(restoredDesk.settings().sender(newcomer.id())).contains(begun);
            assertThat(restored.rightsRequests().kept(newcomer.id())).isEmpty();
            assertThat(restored.imports().sources(newcomer.id())).isEmpty();
        }
    }

    private void assertRefusedLeavingNothing(Path archive, String message) {
        try (Vault restored = TestVaults.create(engine, folder.resolve("refused"), LATER)) {
            Person newcomer = TestVaults.camille(restored);

            assertThatThrownBy(() -> new Restore(restored).restore(newcomer.id(), archive))
                    .isInstanceOfSatisfying(SelfdataException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                    .hasMessage(message);
            assertThat(restored.rightsRequests().kept(newcomer.id())).isEmpty();
            assertThat(restored.rightsRequests().settings(newcomer.id())).isEmpty();
            assertThat(restored.rightsOrganizations().saved(newcomer.id())).isEmpty();
            assertThat(restored.csvMappings().saved(newcomer.id())).isEmpty();
            assertThat(restored.imports().sources(newcomer.id())).isEmpty();
        }
    }

    private void restoreInto(Path archive) {
        try (Vault restored = TestVaults.create(engine, folder.resolve("refused"), LATER)) {
            new Restore(restored).restore(TestVaults.camille(restored).id(), archive);
        }
    }

    private String draft(Right right, Organization.Channel channel, Language language) {
        return desk.draft(camille.id(), new RightsDesk.NewRequest(LILAS.slug(), right, false, Optional.empty(), channel,
                language, Map.of())).timeline().request().id();
    }

    private static RightsDesk desk(Vault vault, Clock clock) {
        return new RightsDesk(vault, new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT), clock);
    }

    private Map<String, byte[]> evidence(RightsDesk from, PersonId person) throws Exception {
        ByteArrayOutputStream pack = new ByteArrayOutputStream();
        from.evidence(person, answered, Language.FRENCH, pack);
        Path zip = folder.resolve("pack-" + System.nanoTime() + ".zip");
        Files.write(zip, pack.toByteArray());
        return new TreeMap<>(ArchiveEdits.entries(zip));
    }

    private static JsonNode steps(Map<String, byte[]> pack) {
        return JsonMapper.builder().build().readTree(pack.get("timeline.json")).get("steps");
    }

    private static List<String> digestsOfDocuments(Map<String, byte[]> pack) {
        return new String(pack.get("manifest.sha256"), StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("documents/")).toList();
    }

    private static List<LogEntry> rightsEntries(Vault vault, PersonId person) {
        Set<LogAction> rights = Set.of(LogAction.LETTER, LogAction.ANSWER, LogAction.REQUEST);
        return vault.log().query(person, LogQuery.all()).stream()
                .filter(entry -> rights.contains(entry.draft().action())).toList();
    }
}
