package org.selfdata.vault;

import org.selfdata.model.Person;

import java.nio.file.Path;

/**
 * Creates a vault and imports into it, in a JVM of its own, so that {@link PrivateVaultFilesTest} can give it a umask.
 *
 * <p>Arguments: the vault's folder, then the PostgreSQL URL or an empty string for SQLite.
 */
final class VaultInAChildProcess {
    static final String DONE = "done";

    private VaultInAChildProcess() {}

    public static void main(String[] arguments) {
        Path folder = Path.of(arguments[0]);
        VaultLocation location = arguments[1].isEmpty() ? VaultLocation.sqlite(folder)
                : VaultLocation.postgres(folder, VaultLocation.PostgresDatabase.of(arguments[1]));
        try (Vault vault = Vault.create(location, TestVaults.keyFile(folder))) {
            Person camille = TestVaults.camille(vault);
            vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records",
                    "Records.json"), SyntheticRecords.points(1_000));
        }
        System.out.println(DONE);
    }
}
