package org.selfdata.rights;

import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailAccountTest {
    private static final MailAccount ACCOUNT = new MailAccount(
            new MailServer("smtp.example.org", 587, MailServer.Security.STARTTLS),
            Optional.of(new MailServer("imap.example.org", 993, MailServer.Security.TLS)), "camille",
            "s3cret-Pa55", "camille@example.org", "Camille Martin", "INBOX", Optional.of("Sent"), true,
            new MailTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(45)));

    @Test
    void theJsonFormGivesBackTheSameAccount() {
        assertThat(MailAccount.fromJson(ACCOUNT.toJson())).isEqualTo(ACCOUNT);
    }

    @Test
    void theJsonFormFillsWhatIsLeftOut() {
        MailAccount account = MailAccount.fromJson("""
                {"smtp": {"host": "smtp.example.org", "port": 465, "security": "tls"},
                 "userName": "camille", "password": "s3cret-Pa55", "fromAddress": "camille@example.org"}""");

        assertThat(account).isEqualTo(new MailAccount(new MailServer("smtp.example.org", 465, MailServer.Security.TLS),
                Optional.empty(), "camille", "s3cret-Pa55", "camille@example.org", "", "INBOX", Optional.empty(),
                false, MailTimeouts.standard()));
    }

    @Test
    void thePasswordIsNeverInTheAccountsText() {
        assertThat(ACCOUNT.toString()).doesNotContain("s3cret-Pa55").contains("password=********",
                "fromAddress=camille@example.org");
    }

    @Test
    void aMissingFieldIsNamedWithoutQuotingAnyValue() {
        assertThatThrownBy(() -> MailAccount.fromJson("""
                {"smtp": {"host": "smtp.example.org", "port": 465, "security": "tls"}, "userName": "camille",
                 "fromAddress": "camille@example.org"}""")).isInstanceOfSatisfying(SelfdataException.class, refusal -> {
                     assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                     assertThat(refusal).hasMessage("The mail account's settings lack the field \"password\".");
                     assertThat(refusal.message(Language.FRENCH))
                             .isEqualTo("Il manque le champ « password » aux réglages du compte de messagerie.");
                 });
    }

    @Test
    void anUnknownSecurityIsNamedByItsField() {
        assertThatThrownBy(() -> MailAccount.fromJson("""
                {"smtp": {"host": "smtp.example.org", "port": 25, "security": "ssl3"}, "userName": "camille",
                 "password": "s3cret-Pa55", "fromAddress": "camille@example.org"}"""))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> assertThat(refusal)
                        .hasMessage("The mail account's field \"smtp.security\" has a value selfdata cannot use."));
    }

    @Test
    void textThatIsNotJsonIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> MailAccount.fromJson("password=s3cret-Pa55"))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> assertThat(refusal)
                        .hasMessage("The mail account's settings cannot be read as JSON."));
    }

    @Test
    void aServerWithoutTlsIsRefusedAnywhereButOnThisMachine() {
        assertThatThrownBy(() -> new MailServer("smtp.example.org", 25, MailServer.Security.PLAIN))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(refusal).hasMessage("A mail server without TLS is allowed only on this machine "
                            + "(localhost): choose STARTTLS or TLS for any other server, so that the password never "
                            + "travels in clear.");
                });
        assertThat(new MailServer("localhost", 2525, MailServer.Security.PLAIN).host()).isEqualTo("localhost");
        assertThat(new MailServer("127.0.0.1", 2525, MailServer.Security.PLAIN).port()).isEqualTo(2525);
        assertThat(new MailServer("[::1]", 2525, MailServer.Security.PLAIN).security())
                .isEqualTo(MailServer.Security.PLAIN);
        assertThatThrownBy(() -> new MailServer("127.0.0.1.example.org", 25, MailServer.Security.PLAIN))
                .isInstanceOf(SelfdataException.class);
        assertThatThrownBy(() -> new MailServer("relay.localhost", 25, MailServer.Security.PLAIN))
                .isInstanceOf(SelfdataException.class);
    }

    @Test
    void aPortOutOfRangeIsNamed() {
        assertThatThrownBy(() -> new MailServer("smtp.example.org", 70_000, MailServer.Security.TLS))
                .hasMessage("A mail server's port is a whole number from 1 to 65535; 70,000 is not.");
    }

    @Test
    void anInvalidSenderAddressIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> new MailAccount(ACCOUNT.smtp(), ACCOUNT.imap(), "camille", "s3cret-Pa55",
                "Camille <camille@example.org>", "", "INBOX", Optional.empty(), false, MailTimeouts.standard()))
                .hasMessage("An e-mail address given for the mail is not a valid address.");
    }

    @Test
    void aTimeoutOutsideItsBoundsIsRefused() {
        assertThatThrownBy(() -> new MailTimeouts(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .hasMessage("A mail timeout is between one second and ten minutes.");
    }
}
