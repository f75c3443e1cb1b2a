package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.selfdata.testing.ChildJvm;
import org.selfdata.testing.FileModes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file of a vault is 0600 and every folder 0700, whatever the umask of the process that made it and the mode of
 * the folder it was made in; a vault made before that was so is made private when it is opened.
 */
class PrivateVaultFilesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @ParameterizedTest(name = "{0} under umask {1}")
    @CsvSource({"SQLITE, 022", "SQLITE, 000", "POSTGRES, 022", "POSTGRES, 000"})
    void aVaultMadeInAnOpenFolderUnderAnyUmaskIsPrivateToItsOwner(Engine engine, String umask, @TempDir Path home)
            throws InterruptedException {
        Path folder = home.resolve("vault");
        FileModes.set(createFolder(folder), "rwxr-xr-x");
        VaultLocation location = TestVaults.location(engine, folder);

        try (ChildJvm child = ChildJvm.Launch.inherited().withUmask(umask).start(VaultInAChildProcess.class,
                folder.toString(), location.postgres().map(VaultLocation.PostgresDatabase::jdbcUrl).orElse(""))) {
            assertThat(child.awaitExit(PATIENCE)).as("%s", child.output()).isZero();
        }

        Map<String, String> modes = FileModes.under(folder);
        assertThat(modes).containsEntry(".", "rwx------").containsEntry("master.key", "rw-------");
        if (engine == Engine.SQLITE) {
            assertThat(modes).containsEntry("vault.db", "rw-------");
        }
        assertThat(modes).allSatisfy((name, mode) -> assertThat(mode).as(name)
                .isEqualTo(Files.isDirectory(folder.resolve(name)) ? "rwx------" : "rw-------"));
    }

    @Test
    void theWriteAheadLogAndSharedMemoryTakeTheDatabasesModeWhileTheVaultIsOpen(@TempDir Path folder) {
        try (Vault vault = TestVaults.create(Engine.SQLITE, folder)) {
            TestVaults.camille(vault);

            assertThat(FileModes.under(folder)).containsEntry("vault.db", "rw-------")
                    .containsEntry("vault.db-wal", "rw-------")
                    .containsEntry("vault.db-shm", "rw-------");
        }
    }

    @Test
    void aVaultWhoseFilesOthersCouldReadIsMadePrivateWhenItOpens(@TempDir Path folder) {
        try (Vault vault = TestVaults.create(Engine.SQLITE, folder)) {
            TestVaults.camille(vault);
        }
        FileModes.set(folder, "rwxr-xr-x");
        FileModes.set(folder.resolve("vault.db"), "rw-r--r--");

        try (Vault vault = Vault.open(VaultLocation.sqlite(folder), TestVaults.keyFile(folder))) {
            assertThat(vault.person(Optional.empty()).handle()).isEqualTo("camille");

            assertThat(FileModes.under(folder)).containsEntry(".", "rwx------")
                    .containsEntry("vault.db", "rw-------")
                    .containsEntry("vault.db-wal", "rw-------")
                    .containsEntry("vault.db-shm", "rw-------");
        }
    }

    @Test
    void aPostgresVaultsFolderIsMadePrivateWhenItOpens(@TempDir Path folder) {
        VaultLocation location = TestVaults.location(Engine.POSTGRES, folder);
        Vault.create(location, TestVaults.keyFile(folder)).close();
        FileModes.set(folder, "rwxr-x---");

        Vault.open(location, TestVaults.keyFile(folder)).close();

        assertThat(FileModes.under(folder)).isEqualTo(Map.of(".", "rwx------", "master.key", "rw-------"));
    }

    private static Path createFolder(Path folder) {
        try {
            return Files.createDirectories(folder);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
