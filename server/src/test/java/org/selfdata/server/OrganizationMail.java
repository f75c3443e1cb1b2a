package org.selfdata.server;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A real SMTP and IMAP server in the test's process (GreenMail), on free ports: the person's mailbox
 * ({@value #PERSON}), as the rights API is given it, and the organizations' mailboxes, which receive the requests and
 * answer them.
 */
final class OrganizationMail implements AutoCloseable {
    static final String PERSON = "camille@example.org";
    static final String PASSWORD = "correct horse battery staple";

    private final GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    private final GreenMailUser person;

    OrganizationMail() {
        greenMail.start();
        person = greenMail.setUser(PERSON, PERSON, PASSWORD);
    }

    /** The mailbox as {@code PUT /api/v1/rights/mailbox} takes it, signing in with the password given. */
    String account(String password) {
        return """
                {"smtp": {"host": "localhost", "port": %d, "security": "plain"},
                 "imap": {"host": "127.0.0.1", "port": %d, "security": "plain"},
                 "userName": "%s", "password": "%s", "fromAddress": "%s", "displayName": "Camille Martin",
                 "sentFolder": "Sent", "saveToSent": true,
                 "timeouts": {"connectSeconds": 5, "readSeconds": 5, "writeSeconds": 5}}"""
                .formatted(smtpPort(), imapPort(), PERSON, password, PERSON);
    }

    /** The port of the SMTP server, for a mailbox given through the page's form. */
    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** The port of the IMAP server, for a mailbox given through the page's form. */
    int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** The messages an organization's mailbox received. */
    MimeMessage[] receivedBy(String address) {
        return greenMail.findReceivedMessages(user -> user.getEmail().equals(address), message -> true)
                .toArray(MimeMessage[]::new);
    }

    /** Delivers an organization's message with its files, by name and media type, into the person's inbox. */
    void answer(String from, String subject, Optional<String> inReplyTo, Map<String, Map.Entry<String, byte[]>> files) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(PERSON));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(new Date());
            MimeMultipart parts = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Please find your data attached.", "UTF-8");
            parts.addBodyPart(text);
            for (Map.Entry<String, Map.Entry<String, byte[]>> file : files.entrySet()) {
                MimeBodyPart attached = new MimeBodyPart();
                attached.setDataHandler(new DataHandler(new ByteArrayDataSource(file.getValue().getValue(),
                        file.getValue().getKey())));
                attached.setFileName(file.getKey());
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

    @Override
    public void close() {
        greenMail.stop();
    }
}
