package org.selfdata.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.PersonId;
import org.selfdata.rights.MailAccount;
import org.selfdata.rights.Organization;
import org.selfdata.rights.Right;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.Sender;
import org.selfdata.testing.SteppingClock;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's daily run of the reminders of deadlines, on the test's clock: Camille's access request to Clearview,
 * received on Monday 26 January 2026, was due by Thursday 26 February; today is Monday 2 March.
 */
class DailyRemindersTest {
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-03-02T09:00:00Z"));
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE, clock);
    private final OrganizationMail mail = new OrganizationMail();
    private final RightsDesk desk = new RightsDesk(running.vault(), new Intake(Importers.standard(),
            running.vault().imports(), IntakeLimits.DEFAULT), clock);
    private final PersonId camille = running.vault().person(Optional.of("camille")).id();
    private final DailyReminders reminders = new DailyReminders(desk.reminders());
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(DailyReminders.class);

    DailyRemindersTest() {
        log.start();
        logger.addAppender(log);
        logger.setLevel(Level.INFO);
        desk.settings().saveSender(camille, new Sender("Camille Martin", Optional.of("12 rue de la République\n69002 Lyon"),
                Optional.of(OrganizationMail.PERSON)));
        String clearview = desk.directory(camille).search("clearview", Optional.empty(), 1).getFirst().slug();
        String request = desk.draft(camille, new RightsDesk.NewRequest(clearview, Right.ACCESS, false, Optional.empty(),
                Organization.Channel.EMAIL, Language.ENGLISH, Map.of())).timeline().request().id();
        desk.markSent(camille, request, LocalDate.of(2026, 1, 26));
        desk.settings().saveMailAccount(camille, MailAccount.fromJson(mail.account(OrganizationMail.PASSWORD)));
        desk.reminders().turnOn(camille, 3, Language.ENGLISH);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(log);
        logger.setLevel(null);
        mail.close();
    }

    @Test
    void aRunSendsTheDueReminderOnceAndTheNextDaysRunNothingMore() {
        reminders.run();
        clock.advance(Duration.ofDays(1));
        reminders.run();

        assertThat(mail.receivedBy(OrganizationMail.PERSON)).hasSize(1);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("1 reminder(s) of deadlines sent");
    }

    @Test
    void aFailureIsLoggedWithoutNamingAnyoneAndTheNextRunSends() {
        desk.settings().saveMailAccount(camille, MailAccount.fromJson(mail.account("not the password")));

        reminders.run();

        assertThat(mail.receivedBy(OrganizationMail.PERSON)).isEmpty();
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("a reminder of deadlines "
                + "could not be sent; the next run tries again: REMOTE_SERVICE_FAILED The mail server refused the user "
                + "name or the password.");

        desk.settings().saveMailAccount(camille, MailAccount.fromJson(mail.account(OrganizationMail.PASSWORD)));
        reminders.run();

        assertThat(mail.receivedBy(OrganizationMail.PERSON)).hasSize(1);
    }
}
