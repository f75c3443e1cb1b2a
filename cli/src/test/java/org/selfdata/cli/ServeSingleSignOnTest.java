package org.selfdata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code selfdata serve} with single sign-on set up wrong: it stops before serving anyone, saying what is wrong, with
 * the exit code of the failure, and never shows the client secret.
 */
class ServeSingleSignOnTest {
    private static final String SECRET = "s3cret-of-the-vault";

    @TempDir
    Path home;

    @Test
    void aProviderWhoseMetadataCannotBeReadStopsTheServerWithItsExitCode() throws IOException {
        CommandRun selfdata = vault();
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String issuer = "http://127.0.0.1:" + closed + "/realms/students";

        CommandRun.Result served = selfdata.with("SELFDATA_OIDC_CLIENT_SECRET_FILE", secretFile("rw-------").toString())
                .run("serve", "--port", "0", "--oidc-issuer", issuer, "--oidc-client-id", "vault");

        assertThat(served.exitCode()).as(served.err()).isEqualTo(10);
        assertThat(served.err()).startsWith("selfdata: cannot read the identity provider's metadata at " + issuer
                + "/.well-known/openid-configuration").doesNotContain(SECRET);
        assertThat(served.out()).isEmpty();
    }

    @Test
    void aSecretFileOthersCanReadStopsTheServerBeforeItStarts() throws IOException {
        CommandRun selfdata = vault();

        CommandRun.Result served = selfdata.run("serve", "--port", "0", "--oidc-issuer", "https://id.city.example/",
                "--oidc-client-id", "vault", "--oidc-client-secret-file", secretFile("rw-r--r--").toString());

        assertThat(served.exitCode()).as(served.err()).isEqualTo(6);
        assertThat(served.err()).contains("can be read by other users").contains("chmod 600").doesNotContain(SECRET);
    }

    private CommandRun vault() {
        CommandRun selfdata = new CommandRun(home);
        CommandRun.Result init = selfdata.runWithInput("lyon-2025-guillotiere\n", "init", "--handle", "camille", "--zone",
                "Europe/Paris", "--password-stdin");
        assertThat(init.exitCode()).as(init.err()).isZero();
        return selfdata;
    }

    private Path secretFile(String permissions) throws IOException {
        Path file = Files.writeString(home.resolve("client-secret"), SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
