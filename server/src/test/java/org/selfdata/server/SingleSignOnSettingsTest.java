package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an operator may set for single sign-on, and how the client secret is read. */
class SingleSignOnSettingsTest {
    private static final URI UNIVERSITY = URI.create("https://login.university.example/realms/students");

    @TempDir
    Path folder;

    @Test
    void theSecretIsTheFirstLineOfAPrivateFile() throws IOException {
        Path file = privateFile("s3cret-of-the-vault\n");

        assertThat(SingleSignOn.secretFrom(file)).isEqualTo("s3cret-of-the-vault");
    }

    @Test
    void aSecretFileOthersCanReadIsRefusedWithTheCommandThatMakesItPrivate() throws IOException {
        Path file = privateFile("s3cret-of-the-vault\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> SingleSignOn.secretFrom(file))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the client secret file " + file + " can be read by other users (mode rw-r--r--); make it private "
                        + "with: chmod 600 " + file);
    }

    @Test
    void anEmptyOrMissingSecretFileIsRefused() throws IOException {
        Path empty = privateFile("\n");

        assertThatThrownBy(() -> SingleSignOn.secretFrom(empty)).isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("the client secret file is empty");
        assertThatThrownBy(() -> SingleSignOn.secretFrom(folder.resolve("absent")))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("cannot read the client secret file " + folder.resolve("absent"));
    }

    @Test
    void aProviderIsReachedOverHttpsOrOnThisComputerOnly() {
        assertThatThrownBy(() -> new SingleSignOn(URI.create("http://login.university.example/"), "vault", "s", "Lyon", false))
                .isInstanceOf(SelfdataException.class)
                .hasMessageContaining("uses plain HTTP away from this computer")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThatThrownBy(() -> new SingleSignOn(URI.create("https://login.university.example/?realm=x"), "vault", "s",
                "Lyon", false)).isInstanceOf(SelfdataException.class).hasMessageContaining("without query or fragment");
        assertThat(new SingleSignOn(URI.create("http://localhost:8081/default"), "vault", "s", "Lyon", false).issuer())
                .hasHost("localhost");
    }

    @Test
    void theSecretIsNeverWrittenOutWithTheSettings() {
        SingleSignOn settings = new SingleSignOn(UNIVERSITY, "vault", "s3cret-of-the-vault", "Université de Lyon", false);

        assertThat(settings.toString()).contains("vault").contains("Université de Lyon").doesNotContain("s3cret");
        assertThat(TestServers.SETTINGS.withSingleSignOn(settings).toString()).doesNotContain("s3cret");
    }

    @Test
    void aNameAndAClientAreNeeded() {
        assertThatThrownBy(() -> new SingleSignOn(UNIVERSITY, " ", "s", "Lyon", false)).isInstanceOf(SelfdataException.class)
                .hasMessageContaining("client identifier");
        assertThatThrownBy(() -> new SingleSignOn(UNIVERSITY, "vault", "s", "x".repeat(65), false))
                .isInstanceOf(SelfdataException.class).hasMessage("the provider's name, shown on the sign-in page, is 1 to 64 "
                        + "characters");
    }

    private Path privateFile(String content) throws IOException {
        Path file = folder.resolve("client-secret");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
