package org.selfdata.rights;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
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
import org.selfdata.testing.SteppingClock;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.selfdata.vault.VaultWithCamille;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reminders of deadlines by e-mail, from Camille's own mailbox (a real SMTP server) to herself: one message a day at
 * most, naming the deadlines near or passed, never the same deadline twice in the same state, and nothing recorded as
 * sent when the server fails.
 *
 * <p>Today is Monday 2 March 2026. Her access request to PhotoMatch was received on Monday 26 January: its answer was
 * due by Thursday 26 February, four days ago. Her erasure request to No Post was received on Wednesday 4 February:
 * its answer is due by Wednesday 4 March, in two days. Her objection to PhotoMatch's direct marketing was received on
 * Friday 20 February: its answer is due by Friday 20 March, too far off to be named.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class DeadlineRemindersTest {
    private static final Instant MONDAY_2_MARCH = Instant.parse("2026-03-02T09:00:00Z");

    private final SteppingClock clock = new SteppingClock(MONDAY_2_MARCH);
    @RegisterExtension
    final VaultWithCamille fixture;
    private final Person camille;
    private final RightsDesk desk;
    private final MailServers servers = new MailServers();

    DeadlineRemindersTest(Engine engine) {
        fixture = new VaultWithCamille(engine, clock);
        camille = fixture.camille();
        desk = new RightsDesk(fixture.vault(), new Intake(Importers.standard(), fixture.vault().imports(),
                IntakeLimits.DEFAULT), clock);
        desk.settings().saveSender(camille.id(), Correspondents.camille());
        desk.organizations().save(camille.id(), Correspondents.organization());
        desk.organizations().save(camille.id(), Correspondents.withoutPostalAddress());
    }

    @AfterEach
    void stopServers() {
        servers.close();
    }

    @Test
    void oneMessageNamesThePassedAndTheNearDeadlinesWithWhatToDoNext() throws Exception {
        String access = sent("photomatch", Right.ACCESS, LocalDate.of(2026, 1, 26));
        String erasure = sent("nopost", Right.ERASURE, LocalDate.of(2026, 2, 4));
        sent("photomatch", Right.DIRECT_MARKETING_OBJECTION, LocalDate.of(2026, 2, 20));
        turnOn(3, Language.ENGLISH);

        ReminderOutcome outcome = desk.reminders().remind(camille.id());

        assertThat(outcome).isEqualTo(new ReminderOutcome.Sent(camille.id(), 2));
        MimeMessage[] reminders = reminders();
        assertThat(reminders).hasSize(1);
        assertThat(reminders[0].getFrom()[0].toString()).isEqualTo("Camille Martin <" + MailServers.PERSON + ">");
        assertThat(reminders[0].getAllRecipients()[0].toString()).isEqualTo(MailServers.PERSON);
        assertThat(reminders[0].getSubject()).isEqualTo("selfdata: 2 deadlines of your GDPR requests are near or passed");
        assertThat(reminders[0].getContentType()).startsWith("text/plain");
        assertThat(text(reminders[0])).isEqualTo("""
                Hello,

                As you asked, selfdata reminds you of the deadlines of your GDPR requests that fall within 3 days or \
                have passed.

                Passed:

                - PhotoMatch Inc.: right of access (GDPR art. 15), request %s
                  Deadline: answer was due by Thursday 26 February 2026: 4 days late.
                  What to do next: send the organization the reminder letter (formal notice); if it still does not \
                answer, lodge a complaint with the supervisory authority, the CNIL in France.

                Coming:

                - No Post Ltd: right to erasure (GDPR art. 17), request %s
                  Deadline: answer due by Wednesday 4 March 2026: 2 days left.
                  What to do next: nothing yet; if no answer has come by then, send the reminder letter.

                Each request, its letters and its evidence are on the Rights page of selfdata, or in a terminal: \
                selfdata rights list

                --\s
                You receive this message because you asked selfdata for these reminders. To stop them, untick the box \
                on the Rights page, or type: selfdata rights remind-me --off\
                """.formatted(reference(access), reference(erasure)).replace("\n", "\r\n"));
    }

    @Test
    void inFrenchTheReminderSaysTheSameInFrenchWords() throws Exception {
        String access = sent("photomatch", Right.ACCESS, LocalDate.of(2026, 1, 26));
        String erasure = sent("nopost", Right.ERASURE, LocalDate.of(2026, 2, 4));
        turnOn(3, Language.FRENCH);

        desk.reminders().remind(camille.id());

        MimeMessage reminder = reminders()[0];
        assertThat(reminder.getSubject())
                .isEqualTo("selfdata : 2 échéances de vos demandes RGPD approchent ou sont passées");
        assertThat(text(reminder)).contains(
                "Passées :\r\n\r\n- PhotoMatch Inc. : droit d’accès (RGPD, art. 15), demande " + reference(access)
                        + "\r\n  Échéance : réponse attendue au plus tard le jeudi 26 février 2026 : 4 jours de retard.\r\n"
                        + "  Que faire : envoyez à l’organisme la lettre de relance (mise en demeure) ; s’il ne répond "
                        + "toujours pas, portez plainte auprès de l’autorité de contrôle, la CNIL en France.\r\n",
                "À venir :\r\n\r\n- No Post Ltd : droit à l’effacement (RGPD, art. 17), demande " + reference(erasure)
                        + "\r\n  Échéance : réponse attendue au plus tard le mercredi 4 mars 2026 : encore 2 jours.\r\n"
                        + "  Que faire : rien pour l’instant ; si aucune réponse n’est arrivée à cette date, envoyez la "
                        + "lettre de relance.\r\n");
    }

    @Test
    void theNextDayNothingIsSentForTheSameStatesAndADeadlineThatPassesIsNamedAgain() throws Exception {
        sent("photomatch", Right.ACCESS, LocalDate.of(2026, 1, 26));
        String erasure = sent("nopost", Right.ERASURE, LocalDate.of(2026, 2, 4));
        turnOn(3, Language.ENGLISH);
        desk.reminders().remind(camille.id());

        ReminderOutcome sameDay = desk.reminders().remind(camille.id());
        clock.advance(Duration.ofDays(1));
        ReminderOutcome nextDay = desk.reminders().remind(camille.id());

        assertThat(sameDay).isEqualTo(new ReminderOutcome.AlreadySentToday(camille.id()));
        assertThat(nextDay).isEqualTo(new ReminderOutcome.NothingNew(camille.id()));
        assertThat(reminders()).hasSize(1);

        clock.advance(Duration.ofDays(2));
        ReminderOutcome passed = desk.reminders().remind(camille.id());

        assertThat(passed).isEqualTo(new ReminderOutcome.Sent(camille.id(), 1));
        MimeMessage[] reminders = reminders();
        assertThat(reminders).hasSize(2);
        assertThat(reminders[1].getSubject()).isEqualTo("selfdata: 1 deadline of your GDPR requests is near or passed");
        assertThat(text(reminders[1])).contains("Passed:\r\n\r\n- No Post Ltd: right to erasure (GDPR art. 17), request "
                + reference(erasure) + "\r\n  Deadline: answer was due by Wednesday 4 March 2026: 1 day late.\r\n")
                .doesNotContain("PhotoMatch", "Coming:");
    }

    @Test
    void aMailServerDownRecordsNothingAndTheNextRunSendsTheReminder() throws IOException {
        sent("photomatch", Right.ACCESS, LocalDate.of(2026, 1, 26));
        turnOn(3, Language.ENGLISH);
        MailAccount working = desk.settings().mailAccount(camille.id()).orElseThrow();
        desk.settings().saveMailAccount(camille.id(), unreachable(working));

        ReminderOutcome failed = desk.reminders().remind(camille.id());

        assertThat(failed).isInstanceOfSatisfying(ReminderOutcome.Failed.class, failure -> {
            assertThat(failure.failure().code()).isEqualTo(ErrorCode.REMOTE_SERVICE_FAILED);
            assertThat(failure.failure()).hasMessage("The mail server cannot be reached: the connection was refused or "
                    + "the host is unknown. Check its name and port, or try again later.");
        });
        assertThat(desk.settings().reminded(camille.id())).isEqualTo(Reminded.NOTHING);

        desk.settings().saveMailAccount(camille.id(), working);
        ReminderOutcome sent = desk.reminders().remind(camille.id());

        assertThat(sent).isEqualTo(new ReminderOutcome.Sent(camille.id(), 1));
        assertThat(reminders()).hasSize(1);
    }

    @Test
    void everyoneWhoTurnedRemindersOnIsRemindedAndNobodyElse() {
        sent("photomatch", Right.ACCESS, LocalDate.of(2026, 1, 26));

        assertThat(desk.reminders().remindEveryone()).isEmpty();
        turnOn(3, Language.ENGLISH);

        assertThat(desk.reminders().remindEveryone()).containsExactly(new ReminderOutcome.Sent(camille.id(), 1));
        assertThat(reminders()).hasSize(1);
    }

    @Test
    void aDeadlineFurtherOffThanTheDaysChosenIsNotNamed() {
        sent("nopost", Right.ERASURE, LocalDate.of(2026, 2, 4));
        turnOn(1, Language.ENGLISH);

        assertThat(desk.reminders().remind(camille.id())).isEqualTo(new ReminderOutcome.NothingNew(camille.id()));
        assertThat(reminders()).isEmpty();
    }

    @Test
    void remindersAreOffUntilTurnedOnAndCannotBeTurnedOnWithoutAMailbox() {
        assertThat(desk.reminders().settings(camille.id()))
                .isEqualTo(new ReminderSettings(false, 3, Language.ENGLISH));
        assertThatThrownBy(() -> desk.reminders().remind(camille.id()))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(refusal).hasMessage("Reminders by e-mail are off: turn them on first.");
                });

        assertThatThrownBy(() -> desk.reminders().turnOn(camille.id(), 3, Language.FRENCH))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(refusal).hasMessage("Reminders by e-mail are sent from your own mailbox to yourself: set "
                            + "up your mailbox first, then turn them on.");
                    assertThat(refusal.message(Language.FRENCH)).isEqualTo("Les rappels par courriel partent de votre "
                            + "propre messagerie et vous sont adressés : indiquez d’abord votre messagerie, puis "
                            + "activez-les.");
                });
        assertThat(desk.reminders().settings(camille.id()).enabled()).isFalse();
    }

    @Test
    void theDaysBeforeAreFromZeroToThirty() {
        desk.settings().saveMailAccount(camille.id(), servers.account());

        for (int refused : new int[] {-1, 31}) {
            assertThatThrownBy(() -> desk.reminders().turnOn(camille.id(), refused, Language.ENGLISH))
                    .isInstanceOfSatisfying(SelfdataException.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                        assertThat(refusal).hasMessage("The days before a deadline when a reminder is sent are a whole "
                                + "number from 0 to 30.");
                    });
        }
        assertThat(desk.reminders().turnOn(camille.id(), 0, Language.ENGLISH).daysBefore()).isZero();
        assertThat(desk.reminders().turnOn(camille.id(), 30, Language.ENGLISH).daysBefore()).isEqualTo(30);
    }

    @Test
    void turningOffKeepsTheDaysAndRemovingTheMailboxTurnsRemindersOff() {
        turnOn(7, Language.FRENCH);

        assertThat(desk.reminders().turnOff(camille.id())).isEqualTo(new ReminderSettings(false, 7, Language.FRENCH));
        turnOn(7, Language.FRENCH);
        desk.settings().removeMailAccount(camille.id());

        assertThat(desk.reminders().settings(camille.id())).isEqualTo(new ReminderSettings(false, 7, Language.FRENCH));
    }

    @Test
    void everyRightHasItsNameInEveryLanguage() {
        for (Language language : Language.values()) {
            for (Right right : Right.values()) {
                assertThat(org.selfdata.texts.Words.of(language).pattern("rights.reminders.right." + right.term()))
                        .as(right + " in " + language).isPresent();
            }
        }
    }

    private void turnOn(int daysBefore, Language language) {
        desk.settings().saveMailAccount(camille.id(), servers.account());
        desk.reminders().turnOn(camille.id(), daysBefore, language);
    }

    /** A request drafted and sent by e-mail on that day, which the organization received the same day. */
    private String sent(String organization, Right right, LocalDate on) {
        String request = desk.draft(camille.id(), new RightsDesk.NewRequest(organization, right, false, Optional.empty(),
                Organization.Channel.EMAIL, Language.ENGLISH, Map.of())).timeline().request().id();
        desk.markSent(camille.id(), request, on);
        return request;
    }

    private String reference(String request) {
        return desk.request(camille.id(), request).timeline().request().reference();
    }

    /** The reminders that reached Camille's inbox. */
    private MimeMessage[] reminders() {
        return Arrays.stream(servers.greenMail.getReceivedMessages()).toArray(MimeMessage[]::new);
    }

    /** The message's text, as the server keeps it: less the line break that ends it. */
    private static String text(MimeMessage message) throws Exception {
        return (String) message.getContent();
    }

    /** Her account, its SMTP server on a port where nothing listens. */
    private static MailAccount unreachable(MailAccount account) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        return new MailAccount(new MailServer("localhost", closed, MailServer.Security.PLAIN), account.imap(),
                account.userName(), account.password(), account.fromAddress(), account.displayName(),
                account.inboxFolder(), account.sentFolder(), account.saveToSent(), account.timeouts());
    }
}
