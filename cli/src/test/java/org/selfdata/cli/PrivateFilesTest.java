package org.selfdata.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.selfdata.testing.ChildJvm;
import org.selfdata.testing.FileModes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code selfdata init}, {@code import} and {@code export}, each run as a user would under a permissive umask and in
 * folders others can enter, leave every file they write 0600 and every folder they make 0700.
 */
class PrivateFilesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String CONTACTS = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alix Martin\r\nN:Martin;Alix;;;\r\n"
            + "TEL:+33 4 72 00 00 00\r\nEND:VCARD\r\n";

    @ParameterizedTest(name = "under umask {0}")
    @ValueSource(strings = {"022", "000"})
    void theVaultAndTheArchiveAreForTheirOwnerOnly(String umask, @TempDir Path home) throws IOException, InterruptedException {
        Path vault = Files.createDirectory(home.resolve("vault"));
        Path exports = Files.createDirectory(home.resolve("exports"));
        FileModes.set(vault, "rwxr-xr-x");
        FileModes.set(exports, "rwxr-xr-x");
        Path contacts = Files.writeString(home.resolve("contacts.vcf"), CONTACTS);
        Path archive = exports.resolve("camille.zip");

        run(umask, "init", "--data", vault.toString(), "--handle", "camille", "--zone", "Europe/Paris");
        run(umask, "import", "--data", vault.toString(), contacts.toString());
        run(umask, "export", "--data", vault.toString(), archive.toString());

        Map<String, String> modes = FileModes.under(vault);
        assertThat(modes).containsEntry(".", "rwx------").containsEntry("master.key", "rw-------")
                .containsEntry("vault.db", "rw-------").containsEntry("in-progress", "rwx------");
        assertThat(modes).allSatisfy((name, mode) -> assertThat(mode).as(name)
                .isEqualTo(Files.isDirectory(vault.resolve(name)) ? "rwx------" : "rw-------"));
        assertThat(FileModes.under(exports)).isEqualTo(Map.of(".", "rwxr-xr-x", "camille.zip", "rw-------"));
    }

    private static void run(String umask, String... arguments) throws InterruptedException {
        try (ChildJvm selfdata = ChildJvm.Launch.inherited().withUmask(umask).start(Selfdata.class, arguments)) {
            assertThat(selfdata.awaitExit(PATIENCE)).as("selfdata %s: %s", arguments[0], selfdata.output()).isZero();
        }
    }
}
