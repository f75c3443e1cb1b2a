package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerSettingsTest {
    @Test
    void theDefaultsListenOnLoopbackWithSecureCookies() {
        ServerSettings defaults = ServerSettings.defaults();

        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.secureCookies()).isTrue();
        assertThat(defaults.maximumRequestBytes()).isEqualTo(1_048_576);
        assertThat(defaults.sessionLifetime()).isEqualTo(Duration.ofHours(8));
        assertThat(defaults.signInLimits()).isEqualTo(new SignInLimits(5, Duration.ofMinutes(15), 10_000));
    }

    @Test
    void plainHttpIsAllowedOnLoopbackAddressesOnly() {
        assertThat(ServerSettings.defaults().withPlainHttpOnLoopback().secureCookies()).isFalse();
        assertThat(ServerSettings.defaults().withHost("::1").withPlainHttpOnLoopback().secureCookies()).isFalse();
        assertThat(ServerSettings.defaults().withHost("localhost").withPlainHttpOnLoopback().secureCookies()).isFalse();

        assertThatThrownBy(() -> ServerSettings.defaults().withHost("0.0.0.0").withPlainHttpOnLoopback())
                .isInstanceOf(SelfdataException.class)
                .hasMessage("session cookies may go without Secure only on a loopback address such as 127.0.0.1, not on 0.0.0.0; "
                        + "serve 0.0.0.0 behind HTTPS and keep Secure cookies");
        assertThatThrownBy(() -> ServerSettings.defaults().withHost("selfdata.example").withPlainHttpOnLoopback())
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("session cookies may go without Secure only on a loopback address");
    }

    @Test
    void eachSettingIsCheckedWithAMessageThatSaysWhatIsAllowed() {
        assertThatThrownBy(() -> ServerSettings.defaults().withPort(65_536))
                .hasMessage("the port must be from 0 (any free port) to 65535, was 65536")
                .satisfies(refusal -> assertThat(((SelfdataException) refusal).message(Language.FRENCH))
                        .isEqualTo("le port doit aller de 0 (n’importe quel port libre) à 65535, et non 65536"));
        assertThatThrownBy(() -> ServerSettings.defaults().withHost(" "))
                .hasMessage("the host to listen on must not be blank; use 127.0.0.1 to serve this machine only");
        assertThatThrownBy(() -> ServerSettings.defaults().withMaximumRequestBytes(100))
                .hasMessage("the largest request body must be at least 1024 bytes, was 100");
        assertThatThrownBy(() -> ServerSettings.defaults().withSessionLifetime(Duration.ofDays(31)))
                .hasMessage("a session must last from 1 minute to 30 days, was PT744H");
        assertThatThrownBy(() -> new SignInLimits(0, Duration.ofMinutes(15), 10))
                .hasMessage("at least 1 failed sign-in must be tolerated, was 0");
        assertThatThrownBy(() -> new SignInLimits(5, Duration.ZERO, 10))
                .hasMessage("the sign-in window must be at least 1 second, was PT0S");
        assertThatThrownBy(() -> new SignInLimits(5, Duration.ofMinutes(15), 0))
                .hasMessage("at least 1 address and handle must be tracked, was 0");
    }

    @Test
    void aServerOnAFreePortTellsWhereItIs() {
        assertThat(ServerSettings.defaults().withPort(0).port()).isZero();
    }

    @Test
    void theIssuerIsAnHttpsAddressEndingWithASlashOrPlainHttpOnLoopback() {
        assertThat(ServerSettings.defaults().issuer()).isEmpty();
        assertThat(ServerSettings.defaults().withIssuer(URI.create("https://vault.example/")).issuer())
                .contains(URI.create("https://vault.example/"));
        assertThat(ServerSettings.defaults().withIssuer(URI.create("https://vault.example/camille/")).withPort(0).issuer())
                .as("kept through the other settings").contains(URI.create("https://vault.example/camille/"));
        assertThat(ServerSettings.defaults().withIssuer(URI.create("http://127.0.0.1:7070/")).issuer()).isPresent();
        assertThat(ServerSettings.defaults().withIssuer(URI.create("http://[::1]:7070/")).issuer()).isPresent();

        assertThatThrownBy(() -> ServerSettings.defaults().withIssuer(URI.create("http://vault.example/")))
                .hasMessage("the issuer may use plain http only on a loopback host such as 127.0.0.1, not http://vault.example/; "
                        + "give the https address apps reach the vault at")
                .satisfies(refusal -> assertThat(((SelfdataException) refusal).message(Language.FRENCH))
                        .startsWith("l’émetteur ne peut être en http simple que sur un hôte de bouclage"));
        for (String wrong : List.of("https://vault.example", "https://vault.example/?tenant=1", "https://vault.example/#top",
                "vault.example/", "ftp://vault.example/", "https://camille@vault.example/", "/oauth/")) {
            assertThatThrownBy(() -> ServerSettings.defaults().withIssuer(URI.create(wrong))).as(wrong)
                    .isInstanceOf(SelfdataException.class)
                    .hasMessage("the issuer must be an absolute http or https address without query or fragment, ending with /, "
                            + "such as https://vault.example/; was " + wrong);
        }
    }
}
