package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogEntry;
import org.selfdata.model.Person;
import org.selfdata.model.RequestStep;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultWithCamille;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Engine.class)
class RequestsTest {
    /** Just after midnight in Paris, still the day before in UTC: "today" is the person's day. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-30T22:30:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY_IN_PARIS = LocalDate.of(2026, 5, 1);
    private static final Organization BANK = new Organization("clearview-bank", "Clearview Bank",
            Optional.of("Service protection des données\n12 rue de la Paix\n75002 Paris\nFrance"),
            Optional.of("dpo@clearview-bank.example"), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), List.of("finance"), List.of("fr"), List.of(), false, Optional.of("fr"),
            Optional.of(Organization.Channel.LETTER), false, Organization.Origin.DIRECTORY);
    private static final byte[] LETTER = "Objet : demande d'accès (art. 15 RGPD). Référence ZEBRA-QUOKKA-41."
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] RECEIPT = "Avis de réception signé le 9 mars 2026".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ANSWER_CSV = "date;libellé\n2025-01-02;PANGOLIN-VIREMENT\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ANSWER_PDF = "%PDF-1.7 finalités, destinataires, durée".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Engine engine;
    private final Vault vault;
    private final Person camille;
    private final Requests requests;

    RequestsTest(Engine engine) {
        this.engine = engine;
        fixture = new VaultWithCamille(engine, CLOCK);
        vault = fixture.vault();
        camille = fixture.camille();
        requests = new Requests(vault, CLOCK);
    }

    @Test
    void aRequestGoesFromDraftToClosedWithEveryStepOnTheLogWithItsDocumentsDigests() {
        Timeline draft = requests.open(camille.id(), accessRequest());
        String id = draft.request().id();

        requests.record(camille.id(), id, step(RequestStatus.SENT, "2026-03-06",
                new Requests.Attachment("demande-acces.pdf", "application/pdf", LETTER)));
        requests.record(camille.id(), id, step(RequestStatus.RECEIVED, "2026-03-09",
                new Requests.Attachment("avis-de-reception.jpg", "image/jpeg", RECEIPT)));
        requests.record(camille.id(), id, Requests.Step.of(RequestStatus.IDENTIFICATION_ASKED, LocalDate.of(2026, 3, 20)));
        requests.record(camille.id(), id, Requests.Step.of(RequestStatus.IDENTIFICATION_GIVEN, LocalDate.of(2026, 3, 21)));
        requests.record(camille.id(), id, new Requests.Step(RequestStatus.EXTENDED, LocalDate.of(2026, 4, 2),
                Optional.of("volume of data"), List.of(), true));
        requests.record(camille.id(), id, step(RequestStatus.ANSWERED_INCOMPLETE, "2026-04-28",
                new Requests.Attachment("export.csv", "text/csv", ANSWER_CSV),
                new Requests.Attachment("reponse.pdf", "application/pdf", ANSWER_PDF)));
        Timeline closed = requests.record(camille.id(), id, Requests.Step.of(RequestStatus.CLOSED, TODAY_IN_PARIS));

        assertThat(closed.events()).extracting(RequestEvent::status).containsExactly(RequestStatus.DRAFT,
                RequestStatus.SENT, RequestStatus.RECEIVED, RequestStatus.IDENTIFICATION_ASKED,
                RequestStatus.IDENTIFICATION_GIVEN, RequestStatus.EXTENDED, RequestStatus.ANSWERED_INCOMPLETE,
                RequestStatus.CLOSED);
        assertThat(closed.events()).extracting(RequestEvent::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(closed.sentOn()).contains(LocalDate.of(2026, 3, 6));
        assertThat(closed.receivedOn()).contains(LocalDate.of(2026, 3, 9));
        assertThat(closed.identificationAskedOn()).contains(LocalDate.of(2026, 3, 20));
        assertThat(closed.identificationGivenOn()).contains(LocalDate.of(2026, 3, 21));
        assertThat(closed.extension()).hasValueSatisfying(extension -> {
            assertThat(extension.happenedOn()).isEqualTo(LocalDate.of(2026, 4, 2));
            assertThat(extension.reasonsGiven()).isTrue();
            assertThat(extension.note()).contains("volume of data");
        });
        assertThat(closed.complaintLodgedOn()).isEmpty();
        assertThat(closed.events().get(6).documents()).extracting(RequestEvent.Document::name,
                RequestEvent.Document::mediaType, RequestEvent.Document::sha256).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("export.csv", "text/csv", sha256(ANSWER_CSV)),
                        org.assertj.core.groups.Tuple.tuple("reponse.pdf", "application/pdf", sha256(ANSWER_PDF)));

        List<LogEntry> entries = vault.log().query(camille.id(), LogQuery.all());
        assertThat(entries).extracting(LogEntry::action).containsExactly(LogAction.REQUEST, LogAction.LETTER,
                LogAction.ANSWER, LogAction.ANSWER, LogAction.LETTER, LogAction.ANSWER, LogAction.ANSWER,
                LogAction.REQUEST);
        assertThat(entries).extracting(entry -> entry.draft().requestStep().orElseThrow()).containsExactly(
                new RequestStep(id, "draft", List.of()),
                new RequestStep(id, "sent", List.of(sha256(LETTER))),
                new RequestStep(id, "received", List.of(sha256(RECEIPT))),
                new RequestStep(id, "identification-asked", List.of()),
                new RequestStep(id, "identification-given", List.of()),
                new RequestStep(id, "extended", List.of()),
                new RequestStep(id, "answered-incomplete", List.of(sha256(ANSWER_CSV), sha256(ANSWER_PDF))),
                new RequestStep(id, "closed", List.of()));
        assertThat(vault.log().verify(camille.id()).intact()).isTrue();
        String letterId = closed.events().get(1).documents().getFirst().id();
        assertThat(requests.document(camille.id(), letterId).orElseThrow().content()).isEqualTo(LETTER);
    }

    @Test
    void theRequestKeepsTheOrganizationAsDraftedWithAShortReference() {
        Timeline draft = requests.open(camille.id(), accessRequest());

        RightsRequest request = requests.timeline(camille.id(), draft.request().id()).request();
        assertThat(request.reference()).matches("SD-[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(request.organization()).isEqualTo(RightsRequest.OrganizationSnapshot.of(BANK));
        assertThat(request.right()).isEqualTo(Right.ACCESS);
        assertThat(request.portability()).isTrue();
        assertThat(request.about()).contains("customer number 4471-22");
        assertThat(request.channel()).isEqualTo(Organization.Channel.LETTER);
        assertThat(request.language()).isEqualTo(Language.FRENCH);
        assertThat(request.created()).isEqualTo(CLOCK.instant());
        assertThat(draft.status()).isEqualTo(RequestStatus.DRAFT);
        assertThat(draft.latest().happenedOn()).isEqualTo(TODAY_IN_PARIS);
    }

    @Test
    void theListGivesEveryRequestWithItsLatestStatusAndDistinctReferences() {
        String sent = requests.open(camille.id(), accessRequest()).request().id();
        requests.record(camille.id(), sent, Requests.Step.of(RequestStatus.SENT, LocalDate.of(2026, 4, 1)));
        requests.open(camille.id(), new Requests.Draft(BANK, Right.ERASURE, false, Optional.empty(),
                Organization.Channel.EMAIL, Language.ENGLISH));

        List<Requests.Summary> listed = requests.list(camille.id());

        assertThat(listed).extracting(summary -> summary.request().right(), summary -> summary.latest().status())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Right.ACCESS, RequestStatus.SENT),
                        org.assertj.core.groups.Tuple.tuple(Right.ERASURE, RequestStatus.DRAFT));
        assertThat(listed).extracting(summary -> summary.request().reference()).doesNotHaveDuplicates();
    }

    @Test
    void aRequestCannotBeAnsweredBeforeItWasSentAndTheRefusalChangesNothing() {
        Timeline draft = requests.open(camille.id(), accessRequest());

        assertThatThrownBy(() -> requests.record(camille.id(), draft.request().id(), step(RequestStatus.ANSWERED_COMPLETE,
                "2026-04-10", new Requests.Attachment("export.csv", "text/csv", ANSWER_CSV))))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessage("the request " + draft.request().reference() + " has not been sent yet: record that it was "
                        + "sent before recording answered-complete");
        assertThatThrownBy(() -> requests.record(camille.id(), draft.request().id(),
                Requests.Step.of(RequestStatus.RECEIVED, LocalDate.of(2026, 4, 10))))
                .isInstanceOf(SelfdataException.class);

        assertUnchanged(draft);
    }

    @Test
    void aClosedRequestTakesNoStep() {
        String id = requests.open(camille.id(), accessRequest()).request().id();
        Timeline closed = requests.record(camille.id(), id, Requests.Step.of(RequestStatus.CLOSED, TODAY_IN_PARIS));

        assertThatThrownBy(() -> requests.record(camille.id(), id, Requests.Step.of(RequestStatus.SENT, TODAY_IN_PARIS)))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessage("the request " + closed.request().reference() + " is closed and takes no further step");
        assertUnchanged(closed);
    }

    @Test
    void aDateInThePersonsFutureOrBeforeThePreviousStepIsRefused() {
        String id = requests.open(camille.id(), accessRequest()).request().id();
        Timeline sent = requests.record(camille.id(), id, Requests.Step.of(RequestStatus.SENT, LocalDate.of(2026, 4, 20)));

        assertThatThrownBy(() -> requests.record(camille.id(), id,
                Requests.Step.of(RequestStatus.RECEIVED, LocalDate.of(2026, 5, 2))))
                .isInstanceOfSatisfying(SelfdataException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("the date 2026-05-02 is in the future: record a step once it has happened");
        assertThatThrownBy(() -> requests.record(camille.id(), id,
                Requests.Step.of(RequestStatus.RECEIVED, LocalDate.of(2026, 4, 19))))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the date 2026-04-19 is before 2026-04-20, the date of the request's previous step");
        assertUnchanged(sent);
    }

    @Test
    void aRequestIsExtendedOnceAndOnlyBeforeAnAnswerAndIdentificationIsGivenOnlyWhenAsked() {
        String id = requests.open(camille.id(), accessRequest()).request().id();
        requests.record(camille.id(), id, Requests.Step.of(RequestStatus.SENT, LocalDate.of(2026, 4, 1)));
        assertThatThrownBy(() -> requests.record(camille.id(), id,
                Requests.Step.of(RequestStatus.IDENTIFICATION_GIVEN, LocalDate.of(2026, 4, 2))))
                .isInstanceOf(SelfdataException.class)
                .hasMessageEndingWith("so none can be recorded as given");
        Timeline extended = requests.record(camille.id(), id, new Requests.Step(RequestStatus.EXTENDED,
                LocalDate.of(2026, 4, 3), Optional.empty(), List.of(), false));

        assertThatThrownBy(() -> requests.record(camille.id(), id,
                Requests.Step.of(RequestStatus.EXTENDED, LocalDate.of(2026, 4, 4))))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessage("the request " + extended.request().reference() + " was already extended: the GDPR allows "
                        + "one extension, of two further months");
        assertThatThrownBy(() -> requests.record(camille.id(), id, new Requests.Step(RequestStatus.REMINDER_SENT,
                LocalDate.of(2026, 4, 4), Optional.empty(), List.of(), true)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("only an extension says whether the organization gave its reasons");
        assertUnchanged(extended);
    }

    @Test
    void theRefusalIsSaidInFrenchWithoutQuotingTheOrganization() {
        Timeline draft = requests.open(camille.id(), accessRequest());

        assertThatThrownBy(() -> requests.record(camille.id(), draft.request().id(),
                Requests.Step.of(RequestStatus.REFUSED, TODAY_IN_PARIS)))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.message(Language.FRENCH))
                        .isEqualTo("la demande " + draft.request().reference() + " n’a pas encore été envoyée : "
                                + "enregistrez son envoi avant d’enregistrer refused")
                        .doesNotContain("Clearview"));
    }

    @Test
    void documentsAndDetailsAreSealedInTheDatabase() throws IOException {
        String id = requests.open(camille.id(), accessRequest()).request().id();
        requests.record(camille.id(), id, step(RequestStatus.SENT, "2026-04-01",
                new Requests.Attachment("demande-acces.pdf", "application/pdf", LETTER)));
        requests.record(camille.id(), id, step(RequestStatus.ANSWERED_COMPLETE, "2026-04-20",
                new Requests.Attachment("export.csv", "text/csv", ANSWER_CSV)));

        String everything = engine == Engine.SQLITE ? databaseFiles() : sealedColumns();

        assertThat(everything).isNotEmpty().doesNotContain("ZEBRA-QUOKKA").doesNotContain("PANGOLIN")
                .doesNotContain("Clearview").doesNotContain("demande-acces.pdf").doesNotContain("4471-22");
    }

    @Test
    void anotherPersonSeesNoneOfCamillesRequests() {
        Person alix = vault.people().create("alix", TestVaults.PARIS);
        String id = requests.open(camille.id(), accessRequest()).request().id();

        assertThat(requests.list(alix.id())).isEmpty();
        assertThatThrownBy(() -> requests.timeline(alix.id(), id))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessage("there is no rights request " + id);
        assertThatThrownBy(() -> requests.record(alix.id(), id, Requests.Step.of(RequestStatus.SENT, TODAY_IN_PARIS)))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(requests.timeline(camille.id(), id).status()).isEqualTo(RequestStatus.DRAFT);
    }

    @Test
    void erasingThePersonErasesTheirRequests() {
        String id = requests.open(camille.id(), accessRequest()).request().id();
        requests.record(camille.id(), id, step(RequestStatus.SENT, "2026-04-01",
                new Requests.Attachment("demande-acces.pdf", "application/pdf", LETTER)));

        vault.erasure().erasePerson(camille.id());

        assertThat(vault.rightsRequests().list(camille.id())).isEmpty();
    }

    private void assertUnchanged(Timeline before) {
        Timeline after = requests.timeline(camille.id(), before.request().id());
        assertThat(after.events()).isEqualTo(before.events());
        assertThat(vault.log().query(camille.id(), LogQuery.all())
                .stream().filter(entry -> entry.draft().requestStep().isPresent()
                        && entry.draft().requestStep().get().request().equals(before.request().id())))
                .hasSize(before.events().size());
    }

    private String databaseFiles() throws IOException {
        StringBuilder content = new StringBuilder();
        try (Stream<Path> files = Files.list(vault.location().databaseFile().getParent())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                content.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return content.toString();
    }

    private String sealedColumns() {
        StringBuilder content = new StringBuilder();
        TestVaults.behindTheVault(vault, camille.id(), connection -> {
            for (String query : List.of("SELECT payload FROM rights_requests", "SELECT payload FROM rights_events",
                    "SELECT content FROM rights_documents")) {
                try (var statement = connection.createStatement(); var rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        content.append(new String(rows.getBytes(1), StandardCharsets.ISO_8859_1));
                    }
                }
            }
        });
        return content.toString();
    }

    private static Requests.Draft accessRequest() {
        return new Requests.Draft(BANK, Right.ACCESS, true, Optional.of("customer number 4471-22"),
                Organization.Channel.LETTER, Language.FRENCH);
    }

    private static Requests.Step step(RequestStatus status, String day, Requests.Attachment... documents) {
        return new Requests.Step(status, LocalDate.parse(day), Optional.empty(), List.of(documents), false);
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
