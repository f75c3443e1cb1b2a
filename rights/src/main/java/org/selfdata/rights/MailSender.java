package org.selfdata.rights;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/**
 * Sends letters from the person's own mailbox, so that a message is never sent twice.
 *
 * <p>Sending takes two steps. {@link #prepare} makes the message, with a Message-ID of selfdata's making on the
 * domain of the person's address, and its exact bytes; the caller records them (the Message-ID at least) before it
 * calls {@link #send}, which hands those very bytes to the SMTP server and succeeds only when the server accepted them.
 * When the outcome of a send is unknown (the process died, the server stopped answering after the message's data),
 * the caller calls {@link #retry} with the recorded message: it looks for the Message-ID in the mailbox's Sent folder
 * over IMAP, and sends only when no copy is there.
 *
 * <p>What remains possible: a copy reaches the Sent folder only when the mail server files the messages it relays
 * there (most providers do) or when the account asks selfdata to file it ({@link MailAccount#saveToSent()}), which
 * happens just after the server accepted the message. A retry after a send that the server accepted but whose copy
 * was never filed (the server files nothing, and the process died or the connection broke between the acceptance and
 * the copy) finds nothing and sends a second time. An account without IMAP or without a Sent folder cannot be checked
 * at all: its retry is refused, and the person, after looking in their mailbox, decides whether to {@link #send}
 * again.
 */
public final class MailSender {
    private static final HexFormat HEX = HexFormat.of();

    private final MailAccount account;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public MailSender(MailAccount account, Clock clock) {
        this.account = requireNonNull(account, "account is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The message, made but not sent: from the person, to the organization, dated now, with a new Message-ID. */
    public PreparedMail prepare(OutgoingMail mail) {
        requireNonNull(mail, "mail is null");
        String messageId = "<" + HEX.formatHex(randomBytes()) + "@" + account.domain() + ">";
        try {
            MimeMessage message = new IdentifiedMessage(MailSessions.offline(), messageId);
            message.setFrom(new InternetAddress(account.fromAddress(), account.displayName(), "UTF-8"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
            message.setSubject(mail.subject(), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            mail.inReplyTo().ifPresent(parent -> setThread(message, parent));
            setContent(message, mail);
            message.saveChanges();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            return new PreparedMail(messageId, bytes.toByteArray(), sha256(bytes.toByteArray()));
        }
        catch (MessagingException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "the message could not be made", e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Hands the prepared message, byte for byte, to the SMTP server. Returns once the server accepted it; any refusal
     * or failure is a {@link SelfdataException} with {@link ErrorCode#REMOTE_SERVICE_FAILED}, and a timeout while
     * sending says that the outcome is unknown, for {@link #retry} to settle.
     */
    public SendOutcome.Sent send(PreparedMail mail) {
        requireOwn(mail);
        Session session = MailSessions.smtp(account);
        MimeMessage message = parse(session, mail);
        Transport transport = transport(session);
        try {
            connect(transport);
            transport.sendMessage(message, message.getRecipients(Message.RecipientType.TO));
        }
        catch (MessagingException e) {
            throw MailFaults.of(e, MailFaults.Exchange.SENDING);
        }
        finally {
            closeQuietly(transport);
        }
        SendOutcome.Sent sent = new SendOutcome.Sent(mail, clock.instant(), false);
        return account.saveToSent() ? fileCopy(sent) : sent;
    }

    private static MimeMessage parse(Session session, PreparedMail mail) {
        try {
            return new MimeMessage(session, new ByteArrayInputStream(mail.mime()));
        }
        catch (MessagingException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "a prepared message could not be read back", e);
        }
    }

    private static Transport transport(Session session) {
        try {
            return session.getTransport("smtp");
        }
        catch (MessagingException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "no SMTP transport is available", e);
        }
    }

    /**
     * Says goodbye to the server. The message's fate was settled before: a failure here (the server gone after it
     * accepted the message) must not make an accepted message look refused.
     */
    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        }
        catch (MessagingException e) {
            // Nothing to do: the connection is dropped either way.
        }
    }

    /** Connects and signs in: a failure here leaves nothing sent, whatever it is. */
    private void connect(Transport transport) {
        try {
            transport.connect(account.smtp().host(), account.smtp().port(), account.userName(), account.password());
        }
        catch (MessagingException e) {
            throw MailFaults.of(e, MailFaults.Exchange.CONNECTING);
        }
    }

    /**
     * Sends a message whose earlier send has an unknown outcome, unless its copy is found in the Sent folder: then it
     * says when the copy was filed and sends nothing. Refused, with nothing sent, when the account has no IMAP server or
     * no Sent folder to look in.
     */
    public SendOutcome retry(PreparedMail mail) {
        requireOwn(mail);
        if (account.imap().isEmpty() || account.sentFolder().isEmpty()) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.rights.mail.outcomeUnknown"));
        }
        return new Mailbox(account, FetchLimits.standard()).findSent(mail.messageId())
                .<SendOutcome>map(filedAt -> new SendOutcome.AlreadySent(mail.messageId(), filedAt))
                .orElseGet(() -> send(mail));
    }

    /**
     * Files the sent message in the Sent folder. The message is sent whatever happens here: a failure is reported in
     * the outcome, never thrown, so that nobody sends it again for a copy that failed.
     */
    private SendOutcome.Sent fileCopy(SendOutcome.Sent sent) {
        try {
            new Mailbox(account, FetchLimits.standard()).fileInSent(sent.mail());
            return new SendOutcome.Sent(sent.mail(), sent.acceptedAt(), true);
        }
        catch (SelfdataException e) {
            return sent;
        }
    }

    /** A message of this account's making: its Message-ID is on the domain of the person's address. */
    private void requireOwn(PreparedMail mail) {
        requireNonNull(mail, "mail is null");
        if (!mail.messageId().endsWith("@" + account.domain() + ">") || !mail.messageId().startsWith("<")) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.mail.messageIdForeign"));
        }
    }

    private static void setThread(MimeMessage message, String parent) {
        try {
            message.setHeader("In-Reply-To", parent);
            message.setHeader("References", parent);
        }
        catch (MessagingException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "the message's thread could not be set", e);
        }
    }

    private static void setContent(MimeMessage message, OutgoingMail mail) throws MessagingException {
        if (mail.attachments().isEmpty()) {
            message.setText(mail.body(), StandardCharsets.UTF_8.name());
            return;
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.body(), StandardCharsets.UTF_8.name());
        mixed.addBodyPart(text);
        for (MailAttachment attachment : mail.attachments()) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.bytes(), attachment.mediaType())));
            part.setFileName(attachment.fileName());
            part.setDisposition(Part.ATTACHMENT);
            // Base64 whatever the type: a text file sent as text would have its line endings rewritten on the way,
            // and the organization would receive other bytes than the ones whose digest the log keeps.
            part.setHeader("Content-Transfer-Encoding", "base64");
            mixed.addBodyPart(part);
        }
        message.setContent(mixed);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A message that keeps the Message-ID selfdata made, where Jakarta Mail would make its own on saving. */
    private static final class IdentifiedMessage extends MimeMessage {
        private final String messageId;

        IdentifiedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
