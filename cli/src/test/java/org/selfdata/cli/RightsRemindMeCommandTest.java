package org.selfdata.cli;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.vault.Engine;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code selfdata rights remind-me}: the reminders of deadlines by e-mail turned on with Camille's mailbox (a real mail
 * server in the test's process), her reminder sent now and not twice the same day, turned off, and refused without a
 * mailbox or without saying what to do.
 */
class RightsRemindMeCommandTest {
    private static final String ADDRESS = "camille@example.org";
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path home;

    private final GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    private RightsCommands camille;
    private CommandRun selfdata;

    @BeforeEach
    void aMailServer() {
        mail.start();
        mail.setUser(ADDRESS, ADDRESS, PASSWORD);
        camille = new RightsCommands(home, Engine.SQLITE).init().sender();
        selfdata = camille.selfdata().with("MAIL_PASSWORD", PASSWORD);
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    @Test
    void remindersTurnedOnSendTheOverdueDeadlineOnceADayUntilTurnedOff() throws Exception {
        String reference = camille.posted("clearview-ai", "access", RightsCommands.today().minusDays(60));
        setMailbox();

        CommandRun.Result on = camille.succeeds("rights", "remind-me", "--on", "--days", "5");
        CommandRun.Result now = camille.succeeds("rights", "remind-me", "--now");
        CommandRun.Result again = camille.succeeds("rights", "remind-me", "--now");
        CommandRun.Result off = camille.succeeds("rights", "remind-me", "--off");
        CommandRun.Result offNow = selfdata.run("rights", "remind-me", "--now");

        assertThat(on.out()).isEqualTo("Reminders by e-mail are on: your mailbox receives a reminder 5 days before a "
                + "deadline, and once it has passed.\n");
        assertThat(now.out()).isEqualTo("Reminder sent to your mailbox: 1 deadline near or passed.\n");
        assertThat(again.out()).isEqualTo("A reminder was sent today already: the next one goes tomorrow, if a deadline "
                + "calls for it.\n");
        assertThat(off.out()).isEqualTo("Reminders by e-mail are off.\n");
        assertThat(offNow.exitCode()).isEqualTo(5);
        assertThat(offNow.err()).isEqualTo("selfdata: Reminders by e-mail are off: turn them on first.\n");
        MimeMessage[] reminders = mail.getReceivedMessages();
        assertThat(reminders).hasSize(1);
        assertThat(reminders[0].getSubject()).isEqualTo("selfdata: 1 deadline of your GDPR requests is near or passed");
        assertThat((String) reminders[0].getContent()).contains("- Clearview AI, Inc.: right of access (GDPR art. 15), "
                + "request " + reference + "\r\n");
    }

    @Test
    void inFrenchTheRemindersAreOnInFrenchWords() throws Exception {
        camille.posted("clearview-ai", "access", RightsCommands.today().minusDays(60));
        setMailbox();

        CommandRun.Result on = selfdata.with("LANG", "fr_FR.UTF-8").run("rights", "remind-me", "--on");
        CommandRun.Result now = selfdata.with("LANG", "fr_FR.UTF-8").run("rights", "remind-me", "--now");

        assertThat(on.out()).isEqualTo("Rappels par courriel activés : votre messagerie reçoit un rappel 3 jours avant "
                + "une échéance, puis une fois celle-ci passée.\n");
        assertThat(now.out()).isEqualTo("Rappel envoyé à votre messagerie : 1 échéance proche ou passée.\n");
        assertThat(mail.getReceivedMessages()[0].getSubject())
                .isEqualTo("selfdata : 1 échéance de vos demandes RGPD approche ou est passée");
    }

    @Test
    void withoutAMailboxOrWithoutOneActionNothingIsTurnedOn() {
        CommandRun.Result noMailbox = selfdata.run("rights", "remind-me", "--on");
        CommandRun.Result noAction = selfdata.run("rights", "remind-me");
        CommandRun.Result twoActions = selfdata.run("rights", "remind-me", "--on", "--off");
        CommandRun.Result daysWhenOff = selfdata.run("rights", "remind-me", "--off", "--days", "3");
        CommandRun.Result tooManyDays = selfdata.run("rights", "remind-me", "--on", "--days", "31");

        assertThat(noMailbox.exitCode()).isEqualTo(3);
        assertThat(noMailbox.err()).isEqualTo("selfdata: Reminders by e-mail are sent from your own mailbox to yourself: "
                + "set up your mailbox first, then turn them on.\n");
        assertThat(noAction.exitCode()).isEqualTo(3);
        assertThat(noAction.err()).isEqualTo("selfdata: say what to do: --on, --off or --now, one of them\n");
        assertThat(twoActions.exitCode()).isEqualTo(3);
        assertThat(twoActions.err()).isEqualTo(noAction.err());
        assertThat(daysWhenOff.exitCode()).isEqualTo(3);
        assertThat(daysWhenOff.err()).isEqualTo("selfdata: --days goes with --on\n");
        assertThat(tooManyDays.exitCode()).isEqualTo(3);
        assertThat(tooManyDays.err()).isEqualTo("selfdata: The days before a deadline when a reminder is sent are a "
                + "whole number from 0 to 30.\n");
        assertThat(camille.succeeds("rights", "remind-me", "--off").out()).isEqualTo("Reminders by e-mail are off.\n");
    }

    private void setMailbox() {
        CommandRun.Result set = selfdata.run("rights", "mailbox", "set", "--address", ADDRESS, "--name", "Camille Martin",
                "--smtp-host", "localhost", "--smtp-port", Integer.toString(mail.getSmtp().getPort()), "--imap-host",
                "localhost", "--imap-port", Integer.toString(mail.getImap().getPort()), "--security", "plain",
                "--sent-folder", "Sent", "--save-to-sent", "--password-env", "MAIL_PASSWORD");
        assertThat(set.exitCode()).as(set.err()).isZero();
    }
}
