package org.selfdata.rights;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailSenderTest {
    private static final Instant NOW = Instant.parse("2026-12-07T09:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final byte[] LETTER = "%PDF-1.7 the letter".getBytes(StandardCharsets.US_ASCII);

    private final MailServers servers = new MailServers();

    @AfterEach
    void stopServers() {
        servers.close();
    }

    @Test
    void aMessageSentArrivesWithItsAttachmentAndTheMessageIdReturned() throws Exception {
        MailSender sender = new MailSender(servers.account(), CLOCK);
        PreparedMail prepared = sender.prepare(request());

        SendOutcome.Sent sent = sender.send(prepared);

        assertThat(sent.messageId()).matches("<[0-9a-f]{32}@example\\.org>").isEqualTo(prepared.messageId());
        assertThat(sent.acceptedAt()).isEqualTo(NOW);
        assertThat(sent.mail().sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(prepared.mime())));
        assertThat(servers.receivedByOrganization()).hasSize(1);
        MimeMessage received = servers.receivedByOrganization()[0];
        assertThat(received.getMessageID()).isEqualTo(prepared.messageId());
        assertThat(received.getSubject()).isEqualTo("Demande d’accès à mes données (SD-7K3Q)");
        assertThat(received.getFrom()[0].toString()).isEqualTo("Camille Martin <camille@example.org>");
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Madame, Monsieur,\r\nje vous demande…");
        Part attachment = parts.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("demande-acces.pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(LETTER);
    }

    @Test
    void theBytesSentAreTheBytesPrepared() throws Exception {
        MailSender sender = new MailSender(servers.account(), CLOCK);
        PreparedMail prepared = sender.prepare(request());

        sender.send(prepared);

        String sent = new String(prepared.mime(), StandardCharsets.UTF_8);
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        servers.receivedByOrganization()[0].writeTo(stored);
        String received = stored.toString(StandardCharsets.UTF_8);
        int endOfHeaders = sent.indexOf("\r\n\r\n");
        // The server keeps the body as it came, less the line break that ends the DATA command with its dot.
        assertThat(received).endsWith(sent.substring(endOfHeaders).stripTrailing());
        assertThat(received).contains(sent.substring(0, endOfHeaders).split("\r\n(?=\\S)"));
        assertThat(sent).contains("Message-ID: " + prepared.messageId() + "\r\n", "To: dpo@acme.example\r\n");
    }

    @Test
    void aCopyOfTheMessageSentIsFiledInTheSentFolderWhenTheAccountAsks() {
        MailSender sender = new MailSender(servers.account(), CLOCK);
        PreparedMail prepared = sender.prepare(request());

        SendOutcome.Sent sent = sender.send(prepared);

        assertThat(sent.filedInSent()).isTrue();
        assertThat(new Mailbox(servers.account(), FetchLimits.standard()).findSent(prepared.messageId())).isPresent();
    }

    @Test
    void aWrongPasswordIsRefusedClearlyAndNothingIsSent() {
        MailSender sender = new MailSender(servers.account("not the password"), CLOCK);
        PreparedMail prepared = sender.prepare(request());

        assertThatThrownBy(() -> sender.send(prepared)).isInstanceOfSatisfying(SelfdataException.class, refusal -> {
            assertThat(refusal.code()).isEqualTo(ErrorCode.REMOTE_SERVICE_FAILED);
            assertThat(refusal).hasMessage("The mail server refused the user name or the password.");
            assertThat(refusal.message(Language.FRENCH))
                    .isEqualTo("Le serveur de messagerie a refusé le nom d’utilisateur ou le mot de passe.");
            assertThat(refusal.getCause().getMessage()).doesNotContain("not the password", MailServers.PERSON,
                    "localhost");
        });
        assertThat(servers.receivedByOrganization()).isEmpty();
    }

    @Test
    void aStoppedServerIsSaidToBeUnreachable() {
        MailSender sender = new MailSender(servers.account(), CLOCK);
        PreparedMail prepared = sender.prepare(request());
        servers.close();

        assertThatThrownBy(() -> sender.send(prepared)).isInstanceOfSatisfying(SelfdataException.class, refusal -> {
            assertThat(refusal.code()).isEqualTo(ErrorCode.REMOTE_SERVICE_FAILED);
            assertThat(refusal).hasMessage("The mail server cannot be reached: the connection was refused or the host "
                    + "is unknown. Check its name and port, or try again later.");
        });
    }

    @Test
    void aServerThatOffersNoStarttlsIsRefusedWhenTheSettingsRequireItAndNothingIsSent() {
        MailAccount plain = servers.account();
        MailAccount startTls = new MailAccount(new MailServer("localhost", plain.smtp().port(),
                MailServer.Security.STARTTLS), plain.imap(), plain.userName(), plain.password(), plain.fromAddress(),
                plain.displayName(), plain.inboxFolder(), plain.sentFolder(), false, plain.timeouts());
        MailSender sender = new MailSender(startTls, CLOCK);
        PreparedMail prepared = sender.prepare(request());

        assertThatThrownBy(() -> sender.send(prepared)).isInstanceOfSatisfying(SelfdataException.class, refusal ->
                assertThat(refusal).hasMessage("The mail server does not offer the secure connection (TLS) the "
                        + "settings require; nothing was sent in clear."));
        assertThat(servers.receivedByOrganization()).isEmpty();
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            MailAccount plain = servers.account();
            MailAccount toSilence = new MailAccount(new MailServer("localhost", silent.getLocalPort(),
                    MailServer.Security.PLAIN), plain.imap(), plain.userName(), plain.password(), plain.fromAddress(),
                    plain.displayName(), plain.inboxFolder(), plain.sentFolder(), false,
                    new MailTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
            MailSender sender = new MailSender(toSilence, CLOCK);
            PreparedMail prepared = sender.prepare(request());

            assertThatThrownBy(() -> sender.send(prepared)).isInstanceOfSatisfying(SelfdataException.class,
                    refusal -> assertThat(refusal).hasMessage("The mail server did not answer in time."));
        }
    }

    @Test
    void aRetryOfASendTheServerAcceptedSendsNothingAgain() {
        MailSender sender = new MailSender(servers.account(), CLOCK);
        PreparedMail prepared = sender.prepare(request());
        sender.send(prepared);

        SendOutcome retried = new MailSender(servers.account(), CLOCK).retry(prepared);

        assertThat(retried).isInstanceOfSatisfying(SendOutcome.AlreadySent.class,
                found -> assertThat(found.messageId()).isEqualTo(prepared.messageId()));
        assertThat(servers.receivedByOrganization()).hasSize(1);
    }

    @Test
    void aRetryOfASendThatNeverReachedTheServerSendsItOnce() {
        MailSender sender = new MailSender(servers.account(), CLOCK);
        PreparedMail prepared = sender.prepare(request());

        SendOutcome first = sender.retry(prepared);
        SendOutcome second = sender.retry(prepared);

        assertThat(first).isInstanceOf(SendOutcome.Sent.class);
        assertThat(second).isInstanceOf(SendOutcome.AlreadySent.class);
        assertThat(servers.receivedByOrganization()).hasSize(1);
    }

    @Test
    void aRetryIsRefusedWhenNoSentFolderCanTellWhetherTheMessageLeft() {
        MailAccount plain = servers.account();
        MailAccount withoutImap = new MailAccount(plain.smtp(), Optional.empty(), plain.userName(), plain.password(),
                plain.fromAddress(), plain.displayName(), plain.inboxFolder(), plain.sentFolder(), false,
                plain.timeouts());
        MailSender sender = new MailSender(withoutImap, CLOCK);
        PreparedMail prepared = sender.prepare(request());

        assertThatThrownBy(() -> sender.retry(prepared)).isInstanceOfSatisfying(SelfdataException.class, refusal -> {
            assertThat(refusal.code()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(refusal).hasMessage("Whether this message was sent cannot be checked, because the mail account "
                    + "has no Sent folder to read over IMAP: look for it in your mailbox's sent messages before sending "
                    + "it again.");
        });
        assertThat(servers.receivedByOrganization()).isEmpty();
    }

    @Test
    void aMessagePreparedForAnotherAccountIsNotSent() {
        PreparedMail foreign = new PreparedMail("<1234@elsewhere.example>", new byte[0], "00");

        assertThatThrownBy(() -> new MailSender(servers.account(), CLOCK).send(foreign))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> assertThat(refusal).hasMessage(
                        "This message was not prepared by selfdata for this mail account: its Message-ID is missing "
                                + "or on another domain."));
    }

    @Test
    void aLineBreakInTheSubjectCannotAddAHeader() throws Exception {
        MailSender sender = new MailSender(servers.account(), CLOCK);
        PreparedMail prepared = sender.prepare(new OutgoingMail(MailServers.ORGANIZATION,
                "Access request SD-7K3Q\r\nBcc: someone@elsewhere.example", "Dear Sir or Madam,", List.of(),
                Optional.empty()));

        sender.send(prepared);

        MimeMessage received = servers.receivedByOrganization()[0];
        assertThat(received.getSubject()).isEqualTo("Access request SD-7K3Q Bcc: someone@elsewhere.example");
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(servers.greenMail.getReceivedMessagesForDomain("elsewhere.example")).isEmpty();
    }

    @Test
    void everyMessagePreparedHasItsOwnMessageId() {
        MailSender sender = new MailSender(servers.account(), CLOCK);

        assertThat(sender.prepare(request()).messageId()).isNotEqualTo(sender.prepare(request()).messageId());
    }

    private static OutgoingMail request() {
        return new OutgoingMail(MailServers.ORGANIZATION, "Demande d’accès à mes données (SD-7K3Q)",
                "Madame, Monsieur,\nje vous demande…", List.of(new MailAttachment("demande-acces.pdf",
                "application/pdf", LETTER)), Optional.empty());
    }
}
