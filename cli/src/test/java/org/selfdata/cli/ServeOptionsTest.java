package org.selfdata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.SelfdataException;
import org.selfdata.server.MapTiles;
import org.selfdata.server.MetricsSettings;
import org.selfdata.server.SingleSignOn;
import picocli.CommandLine;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServeOptionsTest {
    @Test
    void uploadsAreLimitedToTwoGibibytesUnlessToldOtherwise() {
        assertThat(parse().settings().maximumUploadBytes()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(parse("--max-upload-mb", "5").settings().maximumUploadBytes()).isEqualTo(5L * 1024 * 1024);
    }

    @Test
    void anUploadLimitBelowOneMegabyteIsRefused() {
        assertThatThrownBy(() -> parse("--max-upload-mb", "0").settings())
                .isInstanceOf(SelfdataException.class)
                .hasMessage("--max-upload-mb takes a number of megabytes from 1");
    }

    @Test
    void theMapHasNoTilesUnlessTheyAreGivenByOptionOrEnvironment() {
        Environment none = new Environment(Map.of(), Path.of("/home/camille"));
        Environment withTiles = new Environment(Map.of("SELFDATA_TILES", "https://tile.example/{z}/{x}/{y}.png",
                "SELFDATA_TILES_ATTRIBUTION", "© Tile Example"), Path.of("/home/camille"));

        assertThat(parse().settings(none).tiles()).isEmpty();
        assertThat(parse().settings(withTiles).tiles())
                .contains(new MapTiles("https://tile.example/{z}/{x}/{y}.png", "© Tile Example"));
        assertThat(parse("--tiles", "https://{s}.tiles.test/{z}/{x}/{y}.png").settings(withTiles).tiles())
                .contains(new MapTiles("https://{s}.tiles.test/{z}/{x}/{y}.png", "© Tile Example"));
        assertThat(parse("--tiles", "https://tiles.test/{z}/{x}/{y}.png", "--tiles-attribution", "Tiles").settings(none)
                .tiles()).contains(new MapTiles("https://tiles.test/{z}/{x}/{y}.png", "Tiles"));
    }

    @Test
    void theShippedTariffsApplyUnlessAFileIsGivenByOptionOrEnvironment() {
        Environment none = new Environment(Map.of(), Path.of("/home/camille"));
        Environment withTariffs = new Environment(Map.of("SELFDATA_TARIFFS", "/etc/selfdata/tariffs.csv"),
                Path.of("/home/camille"));

        assertThat(parse().settings(none).tariffs()).isEmpty();
        assertThat(parse().settings(withTariffs).tariffs()).contains(Path.of("/etc/selfdata/tariffs.csv"));
        assertThat(parse("--tariffs", "tarifs-2026.csv").settings(withTariffs).tariffs()).contains(Path.of("tarifs-2026.csv"));
    }

    @Test
    void tilesWithoutTheirPlaceholdersAreRefused() {
        assertThatThrownBy(() -> parse("--tiles", "https://tiles.test/map.png").settings(
                new Environment(Map.of(), Path.of("/home/camille"))))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("the tiles' address must hold {z}, {x} and {y}");
    }

    @Test
    void theIssuerIsTheListeningAddressUnlessThePublicOneIsGiven() {
        assertThat(parse().settings().issuer()).isEmpty();
        assertThat(parse("--issuer", "https://vault.example/").settings().issuer())
                .contains(URI.create("https://vault.example/"));
        assertThatThrownBy(() -> parse("--issuer", "http://vault.example/").settings())
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("the issuer may use plain http only on a loopback host");
        assertThatThrownBy(() -> parse("--issuer", "https://vault.example").settings())
                .isInstanceOf(SelfdataException.class)
                .hasMessageContaining("ending with /");
    }

    @Test
    void noMetricsAreServedUnlessAPortIsGivenByOptionOrEnvironment() {
        Environment none = new Environment(Map.of(), Path.of("/home/camille"));
        Environment withPort = new Environment(Map.of("SELFDATA_METRICS_PORT", "9464"), Path.of("/home/camille"));
        Environment withBoth = new Environment(Map.of("SELFDATA_METRICS_PORT", "9464", "SELFDATA_METRICS_HOST", "10.0.0.5"),
                Path.of("/home/camille"));

        assertThat(parse().metrics(none)).isEmpty();
        assertThat(parse("--metrics-host", "10.0.0.5").metrics(none)).isEmpty();
        assertThat(parse().metrics(withPort)).contains(new MetricsSettings("127.0.0.1", 9464));
        assertThat(parse("--metrics-port", "9100").metrics(withBoth)).contains(new MetricsSettings("10.0.0.5", 9100));
        assertThat(parse("--metrics-port", "9100", "--metrics-host", "::1").metrics(withBoth))
                .contains(new MetricsSettings("::1", 9100));
    }

    @Test
    void aMetricsPortThatIsNoNumberOrNoPortIsRefused() {
        Environment notANumber = new Environment(Map.of("SELFDATA_METRICS_PORT", "nine"), Path.of("/home/camille"));
        Environment none = new Environment(Map.of(), Path.of("/home/camille"));

        assertThatThrownBy(() -> parse().metrics(notANumber))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("SELFDATA_METRICS_PORT takes a port number, not nine");
        assertThatThrownBy(() -> parse("--metrics-port", "70000").metrics(none))
                .isInstanceOf(SelfdataException.class)
                .hasMessageContaining("70000");
    }

    @Test
    void singleSignOnIsOffUnlessAProviderIsGivenWithTheClientAndItsSecretFile(@TempDir Path folder) throws IOException {
        Path secret = Files.writeString(folder.resolve("client-secret"), "s3cret-of-the-vault\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Environment none = new Environment(Map.of(), Path.of("/home/camille"));
        Environment withProvider = new Environment(Map.of("SELFDATA_OIDC_ISSUER", "https://login.university.example/realms/x",
                "SELFDATA_OIDC_CLIENT_ID", "vault", "SELFDATA_OIDC_CLIENT_SECRET_FILE", secret.toString(),
                "SELFDATA_OIDC_NAME", "Université de Lyon"), Path.of("/home/camille"));

        assertThat(parse().settings(none).singleSignOn()).isEmpty();
        assertThat(parse("--oidc-issuer", "https://id.city.example/", "--oidc-client-id", "city-vault",
                "--oidc-client-secret-file", secret.toString()).settings(none).singleSignOn())
                .contains(new SingleSignOn(URI.create("https://id.city.example/"), "city-vault", "s3cret-of-the-vault",
                        "id.city.example", false));
        assertThat(parse("--oidc-enrol").settings(withProvider).singleSignOn())
                .contains(new SingleSignOn(URI.create("https://login.university.example/realms/x"), "vault",
                        "s3cret-of-the-vault", "Université de Lyon", true));
    }

    @Test
    void aProviderWithoutItsClientOrSecretIsRefused(@TempDir Path folder) throws IOException {
        Environment none = new Environment(Map.of(), Path.of("/home/camille"));
        Path shared = Files.writeString(folder.resolve("client-secret"), "s3cret-of-the-vault\n");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> parse("--oidc-issuer", "https://id.city.example/").settings(none))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("single sign-on needs the provider's issuer, the vault's client identifier and the "
                        + "file of its client secret");
        assertThatThrownBy(() -> parse("--oidc-client-id", "city-vault").settings(none))
                .isInstanceOf(SelfdataException.class).hasMessageStartingWith("single sign-on needs");
        assertThatThrownBy(() -> parse("--oidc-issuer", "https://id.city.example/", "--oidc-client-id", "city-vault",
                "--oidc-client-secret-file", shared.toString()).settings(none))
                .isInstanceOf(SelfdataException.class)
                .hasMessageContaining("can be read by other users");
    }

    private static ServeOptions parse(String... arguments) {
        ServeOptions options = new ServeOptions();
        new CommandLine(new Holder(options)).parseArgs(arguments);
        return options;
    }

    @CommandLine.Command(name = "serve")
    private static final class Holder {
        @CommandLine.Mixin
        final ServeOptions options;

        Holder(ServeOptions options) {
            this.options = options;
        }
    }
}
