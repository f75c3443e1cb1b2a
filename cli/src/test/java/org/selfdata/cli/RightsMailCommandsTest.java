package org.selfdata.cli;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.rights.DeskSettings;
import org.selfdata.rights.MailAccount;
import org.selfdata.vault.Engine;
import org.selfdata.vault.Vault;

import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code selfdata rights mailbox}, {@code send} and {@code fetch} against a real mail server in the test's process
 * (GreenMail): the mailbox set up with its password from the environment or the terminal and never shown, a request
 * sent by e-mail and its answer fetched over IMAP, and a server that refuses leaving the request a draft; on SQLite.
 */
class RightsMailCommandsTest {
    private static final String ADDRESS = "camille@example.org";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String CLEARVIEW = "legal-requests@clearview.ai";

    @TempDir
    Path home;

    private final GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    private GreenMailUser mailbox;
    private RightsCommands camille;
    private CommandRun selfdata;

    @BeforeEach
    void aMailServer() {
        mail.start();
        mailbox = mail.setUser(ADDRESS, ADDRESS, PASSWORD);
        camille = new RightsCommands(home, Engine.SQLITE).init().sender();
        selfdata = camille.selfdata().with("MAIL_PASSWORD", PASSWORD);
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    @Test
    void theMailboxIsSavedWithItsPasswordFromTheEnvironmentAndShownWithoutIt() {
        CommandRun.Result set = mailboxSet("--password-env", "MAIL_PASSWORD");
        CommandRun.Result show = camille.succeeds("rights", "mailbox", "show");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).isEqualTo("Mailbox saved; its password is sealed in your vault.\n");
        assertThat(show.out()).isEqualTo("Address: camille@example.org\n"
                + "Name shown: Camille Martin\n"
                + "Signs in as: camille@example.org\n"
                + "Sends through (SMTP): localhost:" + mail.getSmtp().getPort() + " (plain)\n"
                + "Reads answers from (IMAP): localhost:" + mail.getImap().getPort() + " (plain)\n"
                + "Answers arrive in: INBOX\n"
                + "Sent messages in: Sent, a copy of each request filed there by selfdata\n"
                + "Password: sealed in your vault, never shown\n");
        assertThat(savedAccount()).hasValueSatisfying(account -> assertThat(account.password()).isEqualTo(PASSWORD));
    }

    @Test
    void thePasswordIsAskedAtTheTerminalWithoutBeingAnArgument() {
        CommandRun.Result set = selfdata.runAtTerminal(List.of(PASSWORD), mailboxArguments());

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.err()).isEqualTo("Password of the mailbox: \n");
        assertThat(savedAccount()).hasValueSatisfying(account -> assertThat(account.password()).isEqualTo(PASSWORD));
    }

    @Test
    void withoutAPasswordOrWithPlainConnectionsToAnotherMachineNothingIsSaved() {
        CommandRun.Result noTerminal = selfdata.run(mailboxArguments());
        CommandRun.Result noVariable = mailboxSet("--password-env", "NO_SUCH_VARIABLE");
        CommandRun.Result plainAway = selfdata.run("rights", "mailbox", "set", "--address", ADDRESS, "--smtp-host",
                "smtp.example.org", "--security", "plain", "--password-env", "MAIL_PASSWORD");
        CommandRun.Result badSecurity = selfdata.run("rights", "mailbox", "set", "--address", ADDRESS, "--smtp-host",
                "smtp.example.org", "--security", "ssl", "--password-env", "MAIL_PASSWORD");

        assertThat(noTerminal.exitCode()).isEqualTo(3);
        assertThat(noTerminal.err()).isEqualTo("selfdata: no terminal to ask the mailbox’s password on: put it in an "
                + "environment variable and name it with --password-env\n");
        assertThat(noVariable.exitCode()).isEqualTo(3);
        assertThat(noVariable.err()).isEqualTo("selfdata: the environment variable NO_SUCH_VARIABLE named by "
                + "--password-env is not set or empty\n");
        assertThat(plainAway.exitCode()).isEqualTo(3);
        assertThat(plainAway.err()).isEqualTo("selfdata: A mail server without TLS is allowed only on this machine "
                + "(localhost): choose STARTTLS or TLS for any other server, so that the password never travels in "
                + "clear.\n");
        assertThat(badSecurity.exitCode()).isEqualTo(3);
        assertThat(badSecurity.err()).isEqualTo("selfdata: --security: expected starttls, tls or plain\n");
        assertThat(savedAccount()).isEmpty();
        assertThat(camille.succeeds("rights", "mailbox", "show").out())
                .isEqualTo("No mailbox set up: set one up with selfdata rights mailbox set.\n");
    }

    @Test
    void aRemovedMailboxIsGoneWithItsPassword() {
        mailboxSet("--password-env", "MAIL_PASSWORD");

        CommandRun.Result removed = camille.succeeds("rights", "mailbox", "remove");
        CommandRun.Result again = camille.succeeds("rights", "mailbox", "remove");

        assertThat(removed.out()).isEqualTo("Mailbox removed, its password with it.\n");
        assertThat(again.out()).isEqualTo("No mailbox was set up: nothing to remove.\n");
        assertThat(savedAccount()).isEmpty();
    }

    @Test
    void aRequestSentByEmailIsFetchedBackWithItsAnswerAndWhatMatchedNothingIsCounted() throws MessagingException {
        mailboxSet("--password-env", "MAIL_PASSWORD");
        String reference = camille.draft("clearview-ai", "--right", "access", "--channel", "email", "--language", "en");

        CommandRun.Result sent = selfdata.run("rights", "send", reference);

        assertThat(sent.exitCode()).as(sent.err()).isZero();
        assertThat(sent.out().lines().toList()).hasSize(2).first().isEqualTo("Request " + reference
                + " sent by e-mail to Clearview AI, Inc. on " + RightsCommands.say(RightsCommands.today()) + ".");
        MimeMessage[] received = mail.findReceivedMessages(user -> user.getEmail().equals(CLEARVIEW), message -> true)
                .toArray(MimeMessage[]::new);
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).startsWith("[" + reference + "]");

        deliver(CLEARVIEW, "Re: " + received[0].getSubject(), Optional.of(received[0].getMessageID()));
        deliver("news@shop.example", "Winter sale", Optional.empty());
        deliver("news@shop.example", "Last days", Optional.empty());
        CommandRun.Result fetched = camille.succeeds("rights", "fetch");
        CommandRun.Result nothing = camille.succeeds("rights", "fetch");

        assertThat(fetched.out()).isEqualTo("Answer to " + reference + " recorded, its files imported: see what it holds "
                + "with selfdata rights checklist " + reference + ".\n"
                + "2 messages matched no request: they stay in your mailbox, to add by hand with selfdata rights "
                + "answer.\n");
        assertThat(nothing.out()).isEqualTo("No new message in your mailbox.\n");
        assertThat(camille.succeeds("rights", "show", reference, "--json").out())
                .contains("\"status\":\"answered-incomplete\"", "\"name\":\"statement.csv\"");
    }

    @Test
    void aServerThatRefusesThePasswordExitsWithTenAndTheRequestStaysADraft() {
        selfdata.with("MAIL_PASSWORD", "not the password");
        mailboxSet("--password-env", "MAIL_PASSWORD");
        String reference = camille.draft("clearview-ai", "--right", "access", "--channel", "email", "--language", "en");

        CommandRun.Result refused = selfdata.run("rights", "send", reference);
        mail.stop();
        CommandRun.Result down = selfdata.run("rights", "send", reference);
        CommandRun.Result fetch = selfdata.run("rights", "fetch");

        assertThat(refused.exitCode()).isEqualTo(10);
        assertThat(refused.err()).isEqualTo("selfdata: The mail server refused the user name or the password.\n");
        assertThat(down.exitCode()).isEqualTo(10);
        assertThat(down.err()).isEqualTo("selfdata: The mail server cannot be reached: the connection was refused or "
                + "the host is unknown. Check its name and port, or try again later.\n");
        assertThat(fetch.exitCode()).isEqualTo(10);
        assertThat(mail.getReceivedMessages()).isEmpty();
        assertThat(camille.succeeds("rights", "list").out()).startsWith(reference + "  Clearview AI, Inc.  access "
                + "(art. 15)  drafted  no deadline running");
    }

    @Test
    void sendingWithoutAMailboxOrAnOrganizationWithoutAnEmailAddressIsRefused() {
        String byLetter = camille.draft("sncf-connect", "--right", "access", "--channel", "letter");
        String byEmail = camille.draft("clearview-ai", "--right", "access", "--channel", "email");

        CommandRun.Result noMailbox = selfdata.run("rights", "send", byEmail);
        mailboxSet("--password-env", "MAIL_PASSWORD");
        CommandRun.Result noAddress = selfdata.run("rights", "send", byLetter);

        assertThat(noMailbox.exitCode()).isEqualTo(3);
        assertThat(noMailbox.err()).isEqualTo("selfdata: No mailbox is set up for the rights desk: give your mail server "
                + "and account before sending by e-mail or fetching answers.\n");
        assertThat(noAddress.exitCode()).isEqualTo(3);
        assertThat(noAddress.err()).isEqualTo("selfdata: SNCF Connect has no e-mail address in the directory: choose "
                + "another way to send the request, or add the address to the organization.\n");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    private String[] mailboxArguments(String... more) {
        String[] arguments = {"rights", "mailbox", "set", "--address", ADDRESS, "--name", "Camille Martin",
            "--smtp-host", "localhost", "--smtp-port", Integer.toString(mail.getSmtp().getPort()), "--imap-host",
            "localhost", "--imap-port", Integer.toString(mail.getImap().getPort()), "--security", "plain",
            "--sent-folder", "Sent", "--save-to-sent"};
        String[] all = new String[arguments.length + more.length];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        System.arraycopy(more, 0, all, arguments.length, more.length);
        return all;
    }

    private CommandRun.Result mailboxSet(String... more) {
        return selfdata.run(mailboxArguments(more));
    }

    private Optional<MailAccount> savedAccount() {
        try (Vault vault = camille.openVault()) {
            return new DeskSettings(vault.rightsRequests()).mailAccount(vault.person(Optional.of("camille")).id());
        }
    }

    /** Delivers a message into Camille's inbox, with a statement attached, as an organization answers. */
    private void deliver(String from, String subject, Optional<String> inReplyTo) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(ADDRESS));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(new Date());
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Please find your data attached.", "UTF-8");
            MimeBodyPart statement = new MimeBodyPart();
            statement.setText("Date;Libellé;Montant(EUROS)\n12/01/2025;\"ABONNEMENT\";-9,99\n", "UTF-8", "csv");
            statement.setFileName("statement.csv");
            MimeMultipart parts = new MimeMultipart(text, statement);
            message.setContent(parts);
            if (inReplyTo.isPresent()) {
                message.setHeader("In-Reply-To", inReplyTo.orElseThrow());
            }
            message.saveChanges();
            mailbox.deliver(message);
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
