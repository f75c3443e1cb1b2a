package org.selfdata.rights;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.texts.Words;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailboxTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T09:30:00Z"), ZoneOffset.UTC);

    private final MailServers servers = new MailServers();
    private final Mailbox mailbox = new Mailbox(servers.account(), FetchLimits.standard());

    @AfterEach
    void stopServers() {
        servers.close();
    }

    @Test
    void aReplyWithInReplyToIsFetchedAndMatchedToTheRequestSent() {
        MailSender sender = new MailSender(servers.account(), CLOCK);
        PreparedMail request = sender.prepare(new OutgoingMail(MailServers.ORGANIZATION, "Access request SD-7K3Q",
                "Dear Sir or Madam,", List.of(), Optional.empty()));
        sender.send(request);
        servers.deliverToPerson("Re: your request", Optional.of(request.messageId()), "Please find your data.");
        Instant delivered = Instant.now();

        Fetched fetched = mailbox.fetch(Optional.empty());

        assertThat(fetched.messages()).hasSize(1);
        assertThat(fetched.skipped()).isEmpty();
        ReceivedMail reply = fetched.messages().getFirst();
        assertThat(reply.inReplyTo()).contains(request.messageId());
        assertThat(reply.from()).contains(MailServers.ORGANIZATION);
        assertThat(reply.subject()).isEqualTo("Re: your request");
        assertThat(reply.text()).isEqualTo("Please find your data.");
        assertThat(reply.messageId()).hasValueSatisfying(id -> assertThat(id).startsWith("<").endsWith(">"));
        assertThat(reply.deliveredAt().source()).isEqualTo(ReceivedMail.Delivery.Source.INTERNAL_DATE);
        assertThat(reply.deliveredAt().at()).isBetween(delivered.minusSeconds(60), delivered.plusSeconds(60));
        assertThat(new String(reply.raw(), StandardCharsets.UTF_8)).contains("Please find your data.");
        assertThat(MailMatcher.match(reply, List.of(
                new WaitingRequest("request-2", "SD-22AB", List.of("<other@example.org>"), "privacy@other.example"),
                new WaitingRequest("request-1", "SD-7K3Q", List.of(request.messageId()), MailServers.ORGANIZATION))))
                .isEqualTo(new MailMatch.Matched("request-1", MailMatch.Ground.MESSAGE_ID));
    }

    @Test
    void aReplyWithoutInReplyToButWithTheReferenceInItsSubjectIsMatched() {
        servers.deliverToPerson("noreply@mailer.example", "Votre demande SD-7K3Q : réponse", Optional.empty(),
                "Bonjour,");

        ReceivedMail reply = mailbox.fetch(Optional.empty()).messages().getFirst();

        assertThat(reply.subject()).isEqualTo("Votre demande SD-7K3Q : réponse");
        assertThat(MailMatcher.match(reply, waiting()))
                .isEqualTo(new MailMatch.Matched("request-1", MailMatch.Ground.REFERENCE));
    }

    @Test
    void anUnrelatedMessageIsUnmatched() {
        servers.deliverToPerson("news@shop.example", "Our winter sale", Optional.empty(), "Everything must go.");

        ReceivedMail unrelated = mailbox.fetch(Optional.empty()).messages().getFirst();

        assertThat(MailMatcher.match(unrelated, waiting())).isEqualTo(new MailMatch.Unmatched());
    }

    @Test
    void fetchingTwiceReturnsNewMessagesOnly() {
        servers.deliverToPerson("First answer", Optional.empty(), "one");
        servers.deliverToPerson("Second answer", Optional.empty(), "two");
        Fetched first = mailbox.fetch(Optional.empty());
        servers.deliverToPerson("Third answer", Optional.empty(), "three");

        Fetched second = mailbox.fetch(Optional.of(first.next()));
        Fetched third = mailbox.fetch(Optional.of(second.next()));

        assertThat(first.messages()).extracting(ReceivedMail::subject).containsExactly("First answer", "Second answer");
        assertThat(second.messages()).extracting(ReceivedMail::subject).containsExactly("Third answer");
        assertThat(third.messages()).isEmpty();
        assertThat(third.next()).isEqualTo(second.next());
        assertThat(second.next().lastUid()).isGreaterThan(first.next().lastUid());
        assertThat(second.restarted()).isFalse();
    }

    @Test
    void aFetchBeyondItsLimitLeavesTheRestForTheNextFetch() {
        servers.deliverToPerson("First answer", Optional.empty(), "one");
        servers.deliverToPerson("Second answer", Optional.empty(), "two");
        Mailbox oneAtATime = new Mailbox(servers.account(), new FetchLimits(1 << 20, 5, 1 << 20, 1));

        Fetched first = oneAtATime.fetch(Optional.empty());
        Fetched second = oneAtATime.fetch(Optional.of(first.next()));

        assertThat(first.messages()).extracting(ReceivedMail::subject).containsExactly("First answer");
        assertThat(first.more()).isTrue();
        assertThat(second.messages()).extracting(ReceivedMail::subject).containsExactly("Second answer");
        assertThat(second.more()).isFalse();
    }

    @Test
    void aMessageLargerThanTheLimitIsSetAsideAndReportedOnce() {
        servers.deliverToPerson("A large answer", Optional.empty(), "x".repeat(5_000));
        Mailbox small = new Mailbox(servers.account(), new FetchLimits(1_000, 5, 1_000, 10));

        Fetched first = small.fetch(Optional.empty());
        Fetched second = small.fetch(Optional.of(first.next()));

        assertThat(first.messages()).isEmpty();
        assertThat(first.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.messageId()).isPresent();
            assertThat(Words.of(Language.ENGLISH).say(skipped.reason()))
                    .matches("the message has [0-9,]+ bytes, more than the 1,000 bytes selfdata reads");
            assertThat(Words.of(Language.FRENCH).say(skipped.reason()))
                    .matches("le message fait [0-9\\u00a0\\u202f ]+ octets, plus que les 1[\\u00a0\\u202f ]000 octets "
                            + "que selfdata lit");
        });
        assertThat(second.skipped()).isEmpty();
    }

    @Test
    void anAnswerWithAttachmentsGivesEachFileWithItsNameTypeAndBytes() {
        MailSender answering = organizationAnswering();
        byte[] csv = "date;amount\n2026-01-02;12.50\n".getBytes(StandardCharsets.UTF_8);
        answering.send(answering.prepare(new OutgoingMail(MailServers.PERSON, "Your data SD-7K3Q", "Attached.",
                List.of(new MailAttachment("données.csv", "text/csv", csv),
                        new MailAttachment("lettre.pdf", "application/pdf", new byte[] {37, 80, 68, 70})),
                Optional.empty())));

        ReceivedMail answer = mailbox.fetch(Optional.empty()).messages().getFirst();

        assertThat(answer.text()).isEqualTo("Attached.");
        assertThat(answer.attachments()).containsExactly(new MailAttachment("données.csv", "text/csv", csv),
                new MailAttachment("lettre.pdf", "application/pdf", new byte[] {37, 80, 68, 70}));
    }

    @Test
    void tooManyAttachmentsSetTheMessageAside() {
        MailSender answering = organizationAnswering();
        answering.send(answering.prepare(new OutgoingMail(MailServers.PERSON, "Your data", "Attached.",
                List.of(new MailAttachment("a.csv", "text/csv", new byte[] {1}),
                        new MailAttachment("b.csv", "text/csv", new byte[] {2})), Optional.empty())));

        Fetched fetched = new Mailbox(servers.account(), new FetchLimits(1 << 20, 1, 1 << 20, 10))
                .fetch(Optional.empty());

        assertThat(fetched.messages()).isEmpty();
        assertThat(fetched.skipped()).singleElement().satisfies(skipped -> assertThat(
                Words.of(Language.ENGLISH).say(skipped.reason()))
                .isEqualTo("the message has 2 attachments, more than the 1 selfdata reads"));
    }

    @Test
    void aWrongPasswordIsRefusedClearlyWhenFetching() {
        Mailbox refused = new Mailbox(servers.account("not the password"), FetchLimits.standard());

        assertThatThrownBy(() -> refused.fetch(Optional.empty())).isInstanceOfSatisfying(SelfdataException.class,
                refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.REMOTE_SERVICE_FAILED);
                    assertThat(refusal).hasMessage("The mail server refused the user name or the password.");
                });
    }

    @Test
    void aMissingFolderIsNamed() {
        MailAccount account = servers.account();
        Mailbox elsewhere = new Mailbox(new MailAccount(account.smtp(), account.imap(), account.userName(),
                account.password(), account.fromAddress(), account.displayName(), "Réponses", account.sentFolder(),
                false, account.timeouts()), FetchLimits.standard());

        assertThatThrownBy(() -> elsewhere.fetch(Optional.empty())).isInstanceOfSatisfying(SelfdataException.class,
                refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(refusal).hasMessage("The mailbox has no folder named \"Réponses\".");
                });
    }

    /** The organization, answering through the same server (which does not check who a message claims to be from). */
    private MailSender organizationAnswering() {
        MailAccount organization = new MailAccount(servers.account().smtp(), Optional.empty(), MailServers.PERSON,
                MailServers.PASSWORD, MailServers.ORGANIZATION, "ACME", "INBOX", Optional.empty(), false,
                MailServers.timeouts());
        return new MailSender(organization, CLOCK);
    }

    private static List<WaitingRequest> waiting() {
        return List.of(new WaitingRequest("request-1", "SD-7K3Q", List.of("<a1@example.org>"), MailServers.ORGANIZATION),
                new WaitingRequest("request-2", "SD-22AB", List.of("<b2@example.org>"), "privacy@other.example"));
    }
}
