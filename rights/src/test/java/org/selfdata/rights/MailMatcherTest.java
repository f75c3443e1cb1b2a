package org.selfdata.rights;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MailMatcherTest {
    private static final WaitingRequest ACME = new WaitingRequest("request-1", "SD-7K3Q",
            List.of("<req1@example.org>", "<reminder1@example.org>"), "dpo@acme.example");
    private static final WaitingRequest SHOP = new WaitingRequest("request-2", "SD-22AB",
            List.of("<req2@example.org>"), "privacy@shop.example");
    private static final WaitingRequest SHOP_AGAIN = new WaitingRequest("request-3", "SD-9QQZ",
            List.of("<req3@example.org>"), "legal@shop.example");

    @Test
    void aReplyNamingASentMessageInItsInReplyToMatchesItsRequest() {
        ReceivedMail reply = mail(Optional.of("<reminder1@example.org>"), List.of(), "shop.example", "Re: SD-22AB");

        assertThat(MailMatcher.match(reply, List.of(ACME, SHOP)))
                .isEqualTo(new MailMatch.Matched("request-1", MailMatch.Ground.MESSAGE_ID));
    }

    @Test
    void aReplyNamingASentMessageOnlyInItsReferencesMatchesItsRequest() {
        ReceivedMail reply = mail(Optional.of("<their-own@acme.example>"),
                List.of("<req2@example.org>", "<their-own@acme.example>"), "acme.example", "Re: your letter");

        assertThat(MailMatcher.match(reply, List.of(ACME, SHOP)))
                .isEqualTo(new MailMatch.Matched("request-2", MailMatch.Ground.MESSAGE_ID));
    }

    @Test
    void theReferenceMatchesInAnyCaseAsAWholeWordOnly() {
        assertThat(MailMatcher.match(mail(Optional.empty(), List.of(), "mailer.example", "[sd-7k3q] answer"),
                List.of(ACME, SHOP))).isEqualTo(new MailMatch.Matched("request-1", MailMatch.Ground.REFERENCE));
        assertThat(MailMatcher.match(mail(Optional.empty(), List.of(), "mailer.example", "Ticket XSD-7K3Q9"),
                List.of(ACME, SHOP))).isEqualTo(new MailMatch.Unmatched());
    }

    @Test
    void theSendersDomainMatchesWhenOnlyOneWaitingRequestWentThere() {
        ReceivedMail answer = mail(Optional.empty(), List.of(), "ACME.example", "Your data");

        assertThat(MailMatcher.match(answer, List.of(ACME, SHOP)))
                .isEqualTo(new MailMatch.Matched("request-1", MailMatch.Ground.SENDER_DOMAIN));
    }

    @Test
    void theSendersDomainDoesNotChooseBetweenTwoRequestsToIt() {
        ReceivedMail answer = mail(Optional.empty(), List.of(), "shop.example", "Your data");

        assertThat(MailMatcher.match(answer, List.of(ACME, SHOP, SHOP_AGAIN))).isEqualTo(new MailMatch.Unmatched());
    }

    @Test
    void aMessageIdSentForTwoRequestsMatchesNeitherAndTheNextGroundDecides() {
        WaitingRequest twin = new WaitingRequest("request-4", "SD-4444", List.of("<req1@example.org>"),
                "other@else.example");
        ReceivedMail reply = mail(Optional.of("<req1@example.org>"), List.of(), "mailer.example", "Re: SD-4444");

        assertThat(MailMatcher.match(reply, List.of(ACME, twin)))
                .isEqualTo(new MailMatch.Matched("request-4", MailMatch.Ground.REFERENCE));
    }

    @Test
    void nothingWaitingMatchesNothing() {
        assertThat(MailMatcher.match(mail(Optional.of("<req1@example.org>"), List.of(), "acme.example", "SD-7K3Q"),
                List.of())).isEqualTo(new MailMatch.Unmatched());
    }

    private static ReceivedMail mail(Optional<String> inReplyTo, List<String> references, String domain,
            String subject) {
        return new ReceivedMail(7, Optional.of("<answer@" + domain + ">"), inReplyTo, references,
                Optional.of("someone@" + domain), subject, new ReceivedMail.Delivery(Instant.parse(
                "2026-12-08T10:00:00Z"), ReceivedMail.Delivery.Source.INTERNAL_DATE), "", List.of(), new byte[0]);
    }
}
