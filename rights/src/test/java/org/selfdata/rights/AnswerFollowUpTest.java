package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.selfdata.vault.VaultWithCamille;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What follows an organization's answer at the desk: the checklist of an access answer pre-filled with what the
 * answer shows, the person's word on it kept; and the reminder and the complaint, drafted only once the answer is
 * overdue, refused or incomplete.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class AnswerFollowUpTest {
    /** Friday 20 March 2026, in Paris. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-20T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);
    private static final String STATEMENT = """
            Date;Libellé;Montant(EUROS)
            12/01/2026;"ABONNEMENT CLEARVIEW";-9,99
            """;
    private static final String NOT_OVERDUE = "The request %s is not overdue: its answer is due by Monday 20 April 2026. "
            + "A reminder or a complaint follows an answer that is overdue, refused or incomplete.";
    private static final String NOT_OVERDUE_FR = "La demande %s n’est pas en retard : sa réponse est attendue au plus "
            + "tard le lundi 20 avril 2026. Une relance ou une plainte suit une réponse en retard, un refus ou une réponse "
            + "incomplète.";

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Person camille;
    private final RightsDesk desk;

    AnswerFollowUpTest(Engine engine) {
        fixture = new VaultWithCamille(engine, CLOCK);
        camille = fixture.camille();
        desk = new RightsDesk(fixture.vault(), new Intake(Importers.standard(), fixture.vault().imports(),
                IntakeLimits.DEFAULT), CLOCK);
        desk.settings().saveSender(camille.id(), new Sender("Camille Martin",
                Optional.of("12 rue de la République\n69002 Lyon\nFrance"), Optional.of("camille@example.org")));
    }

    @Test
    void anAccessAnswersFilesPreFillItsChecklistAndThePersonsWordOutlastsALaterAnswer() {
        String id = sent(Right.ACCESS, LocalDate.of(2026, 2, 16));

        desk.answer(camille.id(), id, LocalDate.of(2026, 3, 2), false, List.of(
                file("statement.csv", "text/csv", STATEMENT.getBytes(StandardCharsets.UTF_8)),
                file("answer.json", "application/json", "{\"purposes\": [\"subscription\"], \"recipients\": []}"
                        .getBytes(StandardCharsets.UTF_8))));

        Checklist found = desk.checklist(camille.id(), id);
        assertThat(found.prefilled()).containsExactlyInAnyOrder(AccessItem.PURPOSES, AccessItem.RECIPIENTS,
                AccessItem.COPY);
        assertThat(found.present()).isEqualTo(found.prefilled());

        desk.tick(camille.id(), id, Set.of(AccessItem.PURPOSES, AccessItem.CATEGORIES));
        desk.answer(camille.id(), id, LocalDate.of(2026, 3, 10), false, List.of(file("complement.pdf",
                "application/pdf", LetterPdf.render(new Letter(Language.FRENCH, "Complément", """
                        Destinataires
                        Aucun.

                        Durée de conservation
                        Trois ans après la fin de l’abonnement.
                        """), Letterhead.of(Correspondents.camille(), Correspondents.organization(), Optional.empty(),
                        LocalDate.of(2026, 3, 10))))));

        Checklist later = desk.checklist(camille.id(), id);
        assertThat(later.prefilled()).containsExactly(AccessItem.STORAGE_PERIOD);
        assertThat(later.present()).containsExactlyInAnyOrder(AccessItem.PURPOSES, AccessItem.CATEGORIES,
                AccessItem.STORAGE_PERIOD);
        assertThat(desk.missing(camille.id(), id)).contains(AccessItem.RECIPIENTS, AccessItem.COPY).hasSize(7);
    }

    @Test
    void anAnswerToARequestOtherThanAccessHasNoChecklistToPreFill() {
        String id = sent(Right.ERASURE, LocalDate.of(2026, 2, 16));

        desk.answer(camille.id(), id, LocalDate.of(2026, 3, 2), true, List.of(file("answer.json", "application/json",
                "{\"purposes\": [], \"retention\": \"none\"}".getBytes(StandardCharsets.UTF_8))));

        assertThat(desk.checklist(camille.id(), id).present()).isEmpty();
    }

    @Test
    void aRequestSentTodayIsNotOverdueSoItsComplaintAndReminderAreRefusedSayingWhenItIsDue() {
        String id = sent(Right.ACCESS, TODAY);
        String reference = desk.request(camille.id(), id).timeline().request().reference();

        assertRefused(() -> desk.complaint(camille.id(), id), NOT_OVERDUE.formatted(reference),
                NOT_OVERDUE_FR.formatted(reference));
        assertRefused(() -> desk.complaintPdf(camille.id(), id), NOT_OVERDUE.formatted(reference),
                NOT_OVERDUE_FR.formatted(reference));
        assertRefused(() -> desk.reminder(camille.id(), id), NOT_OVERDUE.formatted(reference),
                NOT_OVERDUE_FR.formatted(reference));
    }

    @Test
    void aRequestIsOverdueTheDayAfterItsDeadlineNotOnIt() {
        String onTheLastDay = sent(Right.ACCESS, LocalDate.of(2026, 2, 20));
        String dayAfter = sent(Right.ACCESS, LocalDate.of(2026, 2, 19));

        assertThat(desk.request(camille.id(), onTheLastDay).deadline().orElseThrow().date()).isEqualTo(TODAY);
        assertThatThrownBy(() -> desk.complaint(camille.id(), onTheLastDay)).isInstanceOf(SelfdataException.class)
                .hasMessageContaining("is not overdue: its answer is due by Friday 20 March 2026.");
        assertThat(desk.complaint(camille.id(), dayAfter).subject())
                .contains("Plainte contre Clearview AI, Inc.\u00a0: absence de réponse");
    }

    @Test
    void aRequestWhoseClockStandsStillForIdentificationIsNotOverdueAndAClosedOneTakesNoLetter() {
        String waiting = sent(Right.ACCESS, LocalDate.of(2026, 1, 5));
        String closed = sent(Right.ACCESS, LocalDate.of(2026, 1, 5));
        desk.record(camille.id(), waiting, new Requests.Step(RequestStatus.IDENTIFICATION_ASKED, LocalDate.of(2026, 1, 9),
                Optional.empty(), List.of(), false));
        desk.record(camille.id(), closed, new Requests.Step(RequestStatus.CLOSED, TODAY, Optional.empty(), List.of(),
                false));
        String reference = desk.request(camille.id(), waiting).timeline().request().reference();
        String closedReference = desk.request(camille.id(), closed).timeline().request().reference();

        assertRefused(() -> desk.complaint(camille.id(), waiting), "The request " + reference + " is not overdue: its "
                + "clock stands still until the organization has what it asked to identify you. A reminder or a "
                + "complaint follows an answer that is overdue, refused or incomplete.", "La demande " + reference
                + " n’est pas en retard : son délai est suspendu tant que l’organisme n’a pas ce qu’il a demandé pour "
                + "vous identifier. Une relance ou une plainte suit une réponse en retard, un refus ou une réponse "
                + "incomplète.");
        assertThatThrownBy(() -> desk.reminder(camille.id(), closed)).isInstanceOf(SelfdataException.class)
                .hasMessage("the request " + closedReference + " is closed and takes no further step");
    }

    @Test
    void anAnswerInFullLeavesNothingToEscalateAndARefusalIsEscalatedAtOnce() {
        String answered = sent(Right.ERASURE, TODAY);
        String refused = sent(Right.ERASURE, TODAY);
        desk.answer(camille.id(), answered, TODAY, true, List.of(file("done.txt", "text/plain",
                "Your data is erased.".getBytes(StandardCharsets.UTF_8))));
        desk.record(camille.id(), refused, new Requests.Step(RequestStatus.REFUSED, TODAY, Optional.empty(), List.of(),
                false));
        String reference = desk.request(camille.id(), answered).timeline().request().reference();

        assertRefused(() -> desk.complaint(camille.id(), answered), "The request " + reference + " was answered in "
                + "full: a reminder or a complaint follows an answer that is overdue, refused or incomplete. If the "
                + "answer lacks something, record it as incomplete.", "La demande " + reference + " a reçu une réponse "
                + "complète : une relance ou une plainte suit une réponse en retard, un refus ou une réponse incomplète. "
                + "S’il manque quelque chose à la réponse, enregistrez-la comme incomplète.");
        assertThat(desk.complaint(camille.id(), refused).subject())
                .contains("Plainte contre Clearview AI, Inc.\u00a0: refus de ma demande");
    }

    @Test
    void theOrganizationsLatestWordIsWhatTheComplaintRecalls() {
        String id = sent(Right.ERASURE, LocalDate.of(2026, 3, 2));
        desk.record(camille.id(), id, new Requests.Step(RequestStatus.REFUSED, LocalDate.of(2026, 3, 9),
                Optional.empty(), List.of(), false));
        desk.answer(camille.id(), id, TODAY, false, List.of(file("partial.txt", "text/plain",
                "Some of your data is erased.".getBytes(StandardCharsets.UTF_8))));

        assertThat(desk.complaint(camille.id(), id).subject())
                .contains("Plainte contre Clearview AI, Inc.\u00a0: réponse incomplète à ma demande");
    }

    private String sent(Right right, LocalDate on) {
        String id = desk.draft(camille.id(), new RightsDesk.NewRequest("clearview-ai", right, false, Optional.empty(),
                Organization.Channel.EMAIL, Language.ENGLISH, Map.of())).timeline().request().id();
        desk.markSent(camille.id(), id, on);
        return id;
    }

    private static Requests.Attachment file(String name, String mediaType, byte[] content) {
        return new Requests.Attachment(name, mediaType, content);
    }

    private static void assertRefused(Runnable action, String english, String french) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(SelfdataException.class, error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(error.getMessage()).isEqualTo(english);
            assertThat(error.message(Language.FRENCH)).isEqualTo(french);
        });
    }
}
