package org.selfdata.rights;

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
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.Person;
import org.selfdata.vault.Vault;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A real SMTP and IMAP server in the test's process (GreenMail), on free ports, holding the person's mailbox
 * ({@value #PERSON}) and receiving what is sent to the organization ({@value #ORGANIZATION}).
 */
final class MailServers implements AutoCloseable {
    static final String PERSON = "camille@example.org";
    static final String PASSWORD = "correct horse battery staple";
    static final String ORGANIZATION = "dpo@acme.example";

    final GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    final GreenMailUser person;

    MailServers() {
        greenMail.start();
        person = greenMail.setUser(PERSON, PERSON, PASSWORD);
    }

    /** The person's account on this server, signing in with the password given, with Sent folder and filing. */
    MailAccount account(String password) {
        return new MailAccount(new MailServer("localhost", greenMail.getSmtp().getPort(), MailServer.Security.PLAIN),
                Optional.of(new MailServer("127.0.0.1", greenMail.getImap().getPort(), MailServer.Security.PLAIN)),
                PERSON, password, PERSON, "Camille Martin", "INBOX", Optional.of("Sent"), true, timeouts());
    }

    MailAccount account() {
        return account(PASSWORD);
    }

    /**
     * A rights desk for the person, ready to send through these servers: Camille Martin of Lyon in her letters, and
     * her mailbox here.
     */
    RightsDesk desk(Vault vault, Person person, Clock clock) {
        RightsDesk desk = new RightsDesk(vault, new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT),
                clock);
        desk.settings().saveSender(person.id(), new Sender("Camille Martin",
                Optional.of("12 rue de la République\n69002 Lyon\nFrance"), Optional.of(PERSON)));
        desk.settings().saveMailAccount(person.id(), account());
        return desk;
    }

    static MailTimeouts timeouts() {
        return new MailTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    /** Delivers a message from the organization straight into the person's inbox. */
    void deliverToPerson(String subject, Optional<String> inReplyTo, String body) {
        deliverToPerson(ORGANIZATION, subject, inReplyTo, body);
    }

    void deliverToPerson(String from, String subject, Optional<String> inReplyTo, String body) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(PERSON));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(new Date());
            message.setText(body, "UTF-8");
            if (inReplyTo.isPresent()) {
                message.setHeader("In-Reply-To", inReplyTo.orElseThrow());
            }
            message.saveChanges();
            person.deliver(message);
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers a message with files into the person's inbox, as an organization answers a request. */
    void deliverToPerson(String from, String subject, Optional<String> inReplyTo, String body,
            List<MailAttachment> files) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(PERSON));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(new Date());
            MimeMultipart parts = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, "UTF-8");
            parts.addBodyPart(text);
            for (MailAttachment file : files) {
                MimeBodyPart attached = new MimeBodyPart();
                attached.setDataHandler(new jakarta.activation.DataHandler(
                        new jakarta.mail.util.ByteArrayDataSource(file.bytes(), file.mediaType())));
                attached.setFileName(file.fileName());
                parts.addBodyPart(attached);
            }
            message.setContent(parts);
            if (inReplyTo.isPresent()) {
                message.setHeader("In-Reply-To", inReplyTo.orElseThrow());
            }
            message.saveChanges();
            person.deliver(message);
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The messages the organization's mailbox received (not the copies filed in the person's Sent folder). */
    MimeMessage[] receivedByOrganization() {
        return greenMail.findReceivedMessages(user -> user.getEmail().equals(ORGANIZATION), message -> true)
                .toArray(MimeMessage[]::new);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
