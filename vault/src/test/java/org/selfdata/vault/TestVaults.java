package org.selfdata.vault;

import org.selfdata.model.Person;
import org.selfdata.testing.TestPostgres;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

/** Real vaults for tests, on SQLite in a temporary folder or on a fresh PostgreSQL database. */
public final class TestVaults {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private TestVaults() {}

    public static VaultLocation location(Engine engine, Path folder) {
        return switch (engine) {
            case SQLITE -> VaultLocation.sqlite(folder);
            case POSTGRES -> VaultLocation.postgres(folder, VaultLocation.PostgresDatabase.of(TestPostgres.get().newDatabase()));
        };
    }

    public static KeySource keyFile(Path folder) {
        return KeySource.keyFile(folder.resolve(VaultLocation.KEY_FILE));
    }

    public static Vault create(Engine engine, Path folder) {
        return Vault.create(location(engine, folder), keyFile(folder));
    }

    public static Vault create(Engine engine, Path folder, Clock clock) {
        return Vault.create(location(engine, folder), keyFile(folder), clock);
    }

    /** A vault with one person in it, Camille, in Paris's time zone. */
    public static Person camille(Vault vault) {
        return vault.people().create("camille", PARIS);
    }
}
