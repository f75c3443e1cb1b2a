package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntry;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.Person;
import org.selfdata.model.RequestStep;
import org.selfdata.model.SelfdataException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.selfdata.vault.VaultTables.CONTENT;
import static org.selfdata.vault.VaultTables.PAYLOAD;
import static org.selfdata.vault.VaultTables.RIGHTS_DOCUMENTS;
import static org.selfdata.vault.VaultTables.RIGHTS_EVENTS;
import static org.selfdata.vault.VaultTables.RIGHTS_REQUESTS;
import static org.selfdata.vault.VaultTables.RIGHTS_SETTINGS;
import static org.selfdata.vault.VaultTables.SEALED;

@ParameterizedClass
@EnumSource(Engine.class)
class RightsRequestsTest {
    private static final String REQUEST = "{\"organization\":\"Clearview Bank\",\"right\":\"access\"}";
    private static final byte[] LETTER = "Madame, Monsieur, je vous demande l'acces a mes donnees. Camille Martin"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] RECEIPT = "Avis de reception 1A 234 567 8901 2".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Engine engine;
    private final Vault vault;
    private final RightsRequests requests;
    private final Person camille;

    RightsRequestsTest(Engine engine) {
        this.engine = engine;
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
        requests = vault.rightsRequests();
        camille = fixture.camille();
    }

    @Test
    void eachStepLandsWithItsDocumentsAndALogEntryCarryingTheirDigests() {
        RightsRequests.Appended draft = requests.create(camille.id(), REQUEST, draft(), owner(LogAction.REQUEST));
        String request = draft.event().request();
        RightsRequests.Appended sent = requests.append(camille.id(), request, 0, new RightsRequests.NewEvent("sent",
                "{\"on\":\"2026-03-02\"}", List.of(new RightsRequests.NewDocument("application/pdf", LETTER),
                        new RightsRequests.NewDocument("image/jpeg", RECEIPT))), owner(LogAction.LETTER));

        List<LogEntry> entries = vault.log().query(camille.id(), LogQuery.all());
        assertThat(entries).extracting(LogEntry::action).containsExactly(LogAction.REQUEST, LogAction.LETTER);
        assertThat(entries.get(0).draft().requestStep()).contains(new RequestStep(request, "draft", List.of()));
        assertThat(entries.get(1).draft().requestStep()).contains(new RequestStep(request, "sent",
                List.of(sha256(LETTER), sha256(RECEIPT))));
        assertThat(sent.entry()).isEqualTo(entries.get(1));
        assertThat(vault.log().verify(camille.id()).intact()).isTrue();

        List<RightsRequests.StoredEvent> events = requests.events(camille.id(), request);
        assertThat(events).extracting(RightsRequests.StoredEvent::index, RightsRequests.StoredEvent::status,
                RightsRequests.StoredEvent::details).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "draft", "{}"),
                        org.assertj.core.groups.Tuple.tuple(1, "sent", "{\"on\":\"2026-03-02\"}"));
        assertThat(events.get(1).documents()).extracting(RightsRequests.StoredDocument::sha256,
                RightsRequests.StoredDocument::mediaType, RightsRequests.StoredDocument::size).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(sha256(LETTER), "application/pdf", (long) LETTER.length),
                        org.assertj.core.groups.Tuple.tuple(sha256(RECEIPT), "image/jpeg", (long) RECEIPT.length));
        RightsRequests.OpenedDocument letter = requests.document(camille.id(), events.get(1).documents().get(0).id())
                .orElseThrow();
        assertThat(letter.content()).isEqualTo(LETTER);
        assertThat(letter.request()).isEqualTo(request);
        assertThat(letter.event()).isEqualTo(1);
    }

    @Test
    void theListGivesEachRequestWithItsLatestStep() {
        String first = requests.create(camille.id(), REQUEST, draft(), owner(LogAction.REQUEST)).event().request();
        String second = requests.create(camille.id(), "{\"right\":\"erasure\"}", draft(), owner(LogAction.REQUEST))
                .event().request();
        requests.append(camille.id(), first, 0, new RightsRequests.NewEvent("sent", "{}",
                List.of(new RightsRequests.NewDocument("application/pdf", LETTER))), owner(LogAction.LETTER));

        List<RightsRequests.StoredRequest> listed = requests.list(camille.id());

        assertThat(listed).extracting(RightsRequests.StoredRequest::id).containsExactlyInAnyOrder(first, second);
        RightsRequests.StoredRequest sent = listed.stream().filter(stored -> stored.id().equals(first)).findFirst()
                .orElseThrow();
        assertThat(sent.details()).isEqualTo(REQUEST);
        assertThat(sent.latest().status()).isEqualTo("sent");
        assertThat(sent.latest().index()).isEqualTo(1);
        assertThat(sent.latest().documents()).extracting(RightsRequests.StoredDocument::sha256)
                .containsExactly(sha256(LETTER));
        assertThat(requests.find(camille.id(), second).orElseThrow().latest().status()).isEqualTo("draft");
    }

    @Test
    void aFailingAppendLeavesNeitherStepNorDocumentNorLogEntry() {
        String request = requests.create(camille.id(), REQUEST, draft(), owner(LogAction.REQUEST)).event().request();
        refuseLogEntries();

        assertThatThrownBy(() -> requests.append(camille.id(), request, 0, new RightsRequests.NewEvent("sent", "{}",
                List.of(new RightsRequests.NewDocument("application/pdf", LETTER))), owner(LogAction.LETTER)))
                .isInstanceOf(RuntimeException.class);

        assertThat(requests.events(camille.id(), request)).extracting(RightsRequests.StoredEvent::status)
                .containsExactly("draft");
        assertThat(count(RIGHTS_DOCUMENTS)).isZero();
        assertThat(count(RIGHTS_EVENTS)).isOne();
        assertThat(vault.log().query(camille.id(), LogQuery.all())).hasSize(1);
        assertThat(vault.log().verify(camille.id()).intact()).isTrue();
    }

    @Test
    void aStepWrittenFromAnOutdatedTimelineIsRefusedAndChangesNothing() {
        String request = requests.create(camille.id(), REQUEST, draft(), owner(LogAction.REQUEST)).event().request();
        requests.append(camille.id(), request, 0, new RightsRequests.NewEvent("sent", "{}", List.of()),
                owner(LogAction.REQUEST));

        assertThatThrownBy(() -> requests.append(camille.id(), request, 0, new RightsRequests.NewEvent("closed", "{}",
                List.of()), owner(LogAction.REQUEST)))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessage("the rights request " + request + " has moved on since it was read: it now has 2 steps, "
                        + "not 1; read it again");
        assertThatThrownBy(() -> requests.append(camille.id(), "request-0000000000000000", 0,
                new RightsRequests.NewEvent("sent", "{}", List.of()), owner(LogAction.REQUEST)))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessage("there is no rights request request-0000000000000000");
        assertThat(requests.events(camille.id(), request)).hasSize(2);
        assertThat(vault.log().query(camille.id(), LogQuery.all())).hasSize(2);
    }

    @Test
    void aDocumentTooLargeAnUnknownMediaTypeAndAnActionOtherThanTheDesksAreRefused() {
        assertThatThrownBy(() -> new RightsRequests.NewDocument("application/pdf",
                new byte[(int) RightsRequests.MAXIMUM_DOCUMENT_SIZE + 1]))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE))
                .hasMessage("a document of a rights request is larger than 25 MB");
        assertThatThrownBy(() -> new RightsRequests.NewDocument("a letter.pdf", LETTER))
                .isInstanceOfSatisfying(SelfdataException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("a document's media type is a type and a subtype in lower case, such as application/pdf");
        assertThatThrownBy(() -> requests.create(camille.id(), REQUEST, draft(), owner(LogAction.READ)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("a step of a rights request is logged as a letter, an answer or a request, not as read");
        assertThat(requests.list(camille.id())).isEmpty();
    }

    @Test
    void detailsDocumentsAndSettingsAreSealedInTheDatabase() {
        String request = requests.create(camille.id(), REQUEST, draft(), owner(LogAction.REQUEST)).event().request();
        requests.append(camille.id(), request, 0, new RightsRequests.NewEvent("sent", "{\"note\":\"Clearview Bank\"}",
                List.of(new RightsRequests.NewDocument("application/pdf", LETTER))), owner(LogAction.LETTER));
        requests.saveSetting(camille.id(), "mail.account", "{\"user\":\"camille@example.org\"}");

        List<byte[]> stored = vault.database().transaction(camille.id(), connection -> {
            var dsl = vault.database().dsl(connection);
            List<byte[]> sealed = new java.util.ArrayList<>(dsl.select(PAYLOAD).from(RIGHTS_REQUESTS).fetch(PAYLOAD));
            sealed.addAll(dsl.select(PAYLOAD).from(RIGHTS_EVENTS).fetch(PAYLOAD));
            sealed.addAll(dsl.select(CONTENT).from(RIGHTS_DOCUMENTS).fetch(CONTENT));
            sealed.addAll(dsl.select(SEALED).from(RIGHTS_SETTINGS).fetch(SEALED));
            return sealed;
        });

        assertThat(stored).hasSize(5).allSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                .doesNotContain("Clearview").doesNotContain("Camille Martin").doesNotContain("camille@example.org"));
    }

    @Test
    void aSettingIsFoundByItsNameAndASecondSaveReplacesIt() {
        requests.saveSetting(camille.id(), "mail.account", "{\"user\":\"camille@example.org\"}");
        requests.saveSetting(camille.id(), "mail.account", "{\"user\":\"camille.martin@example.org\"}");

        assertThat(requests.findSetting(camille.id(), "mail.account")).contains("{\"user\":\"camille.martin@example.org\"}");
        assertThat(requests.findSetting(camille.id(), "sender")).isEmpty();
        assertThatThrownBy(() -> requests.saveSetting(camille.id(), "Mail Account", "{}"))
                .isInstanceOfSatisfying(SelfdataException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("a setting of the rights desk is named by 1 to 64 lower-case letters, digits, '.' or '-', "
                        + "starting with a letter");
    }

    @Test
    void aDeletedSettingIsNotFoundAndAnotherPersonsSettingOfTheSameNameStays() {
        Person alix = vault.people().create("alix", TestVaults.PARIS);
        requests.saveSetting(camille.id(), "mail", "{\"user\":\"camille@example.org\"}");
        requests.saveSetting(alix.id(), "mail", "{\"user\":\"alix@example.org\"}");

        requests.deleteSetting(camille.id(), "mail");
        requests.deleteSetting(camille.id(), "mail");

        assertThat(requests.findSetting(camille.id(), "mail")).isEmpty();
        assertThat(requests.findSetting(alix.id(), "mail")).contains("{\"user\":\"alix@example.org\"}");
    }

    @Test
    void anotherPersonSeesNoneOfCamillesRequestsDocumentsOrSettings() {
        Person alix = vault.people().create("alix", TestVaults.PARIS);
        RightsRequests.Appended sent = requests.create(camille.id(), REQUEST, new RightsRequests.NewEvent("draft", "{}",
                List.of(new RightsRequests.NewDocument("application/pdf", LETTER))), owner(LogAction.REQUEST));
        requests.saveSetting(camille.id(), "mail.account", "{}");

        assertThat(requests.list(alix.id())).isEmpty();
        assertThat(requests.find(alix.id(), sent.event().request())).isEmpty();
        assertThat(requests.document(alix.id(), sent.event().documents().getFirst().id())).isEmpty();
        assertThat(requests.findSetting(alix.id(), "mail.account")).isEmpty();
        assertThatThrownBy(() -> requests.append(alix.id(), sent.event().request(), 0,
                new RightsRequests.NewEvent("sent", "{}", List.of()), owner(LogAction.REQUEST)))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(vault.log().query(alix.id(), LogQuery.all())).isEmpty();
    }

    @Test
    void aDatabaseSessionScopedToAnotherPersonReadsNoneOfCamillesRows() {
        Person alix = vault.people().create("alix", TestVaults.PARIS);
        requests.create(camille.id(), REQUEST, new RightsRequests.NewEvent("draft", "{}",
                List.of(new RightsRequests.NewDocument("application/pdf", LETTER))), owner(LogAction.REQUEST));
        requests.saveSetting(camille.id(), "mail.account", "{}");
        List<String> tables = List.of("rights_requests", "rights_events", "rights_documents", "rights_settings");

        assertThat(rowsSeenBy(camille, tables)).containsExactly(1L, 1L, 1L, 1L);
        assertThat(rowsSeenBy(alix, tables)).containsExactly(engine == Engine.POSTGRES ? new Long[] {0L, 0L, 0L, 0L}
                : new Long[] {1L, 1L, 1L, 1L});
    }

    @Test
    void erasingThePersonErasesTheirRequestsDocumentsAndSettings() {
        String request = requests.create(camille.id(), REQUEST, draft(), owner(LogAction.REQUEST)).event().request();
        requests.append(camille.id(), request, 0, new RightsRequests.NewEvent("sent", "{}",
                List.of(new RightsRequests.NewDocument("application/pdf", LETTER))), owner(LogAction.LETTER));
        requests.saveSetting(camille.id(), "mail.account", "{}");

        vault.erasure().erasePerson(camille.id());

        assertThat(List.of(count(RIGHTS_REQUESTS), count(RIGHTS_EVENTS), count(RIGHTS_DOCUMENTS), count(RIGHTS_SETTINGS)))
                .containsOnly(0L);
    }

    /** Every row a session scoped to the person reads from each table, asking for all of them. */
    private List<Long> rowsSeenBy(Person person, List<String> tables) {
        List<Long> counts = new java.util.ArrayList<>();
        TestVaults.behindTheVault(vault, person.id(), connection -> {
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                     var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.add(rows.getLong(1));
                }
            }
        });
        return counts;
    }

    private long count(org.jooq.Table<org.jooq.Record> table) {
        return vault.database().transaction(camille.id(), connection -> (long) vault.database().dsl(connection)
                .fetchCount(table));
    }

    /** A database that refuses every new log entry, as a full disk or a lost connection would refuse the last write. */
    private void refuseLogEntries() {
        TestVaults.behindTheVault(vault, camille.id(), connection -> {
            try (Statement statement = connection.createStatement()) {
                switch (engine) {
                    case SQLITE -> statement.execute("CREATE TRIGGER refuse_log_entries BEFORE INSERT ON log_entries "
                            + "BEGIN SELECT RAISE(ABORT, 'log entries refused'); END");
                    case POSTGRES -> {
                        statement.execute("CREATE FUNCTION refuse_log_entries() RETURNS trigger LANGUAGE plpgsql AS "
                                + "$$ BEGIN RAISE EXCEPTION 'log entries refused'; END $$");
                        statement.execute("CREATE TRIGGER refuse_log_entries BEFORE INSERT ON log_entries "
                                + "FOR EACH ROW EXECUTE FUNCTION refuse_log_entries()");
                    }
                }
            }
        });
    }

    private static RightsRequests.NewEvent draft() {
        return new RightsRequests.NewEvent("draft", "{}", List.of());
    }

    private static LogEntryDraft owner(LogAction action) {
        return LogEntryDraft.of(new LogActor.Owner(), action, Set.of(), 0);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
