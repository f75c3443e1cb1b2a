package org.selfdata.gate;

import org.selfdata.model.Person;
import org.selfdata.testing.TestPostgres;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Copies of one vault made before any record arrived: the same person, the same keys, the same secret behind
 * pseudonyms and cursors. Whatever two copies later answer differently comes from the records they were given.
 */
final class TwinVaults implements AutoCloseable {
    private final Engine engine;
    private final Path template;
    private final Person person;
    private final String templateDatabase;
    private int copies;

    TwinVaults(Engine engine) {
        this.engine = engine;
        this.template = TestVaults.newFolder();
        Vault vault = TestVaults.create(engine, template);
        try (vault) {
            person = TestVaults.camille(vault);
            templateDatabase = vault.location().postgres().map(database -> database.jdbcUrl()
                    .replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1")).orElse("");
        }
    }

    Person person() {
        return person;
    }

    /** A new copy of the template, opened; close it, then {@link TestVaults#delete} its folder. */
    Vault copy() {
        Path folder = TestVaults.newFolder();
        try (Stream<Path> files = Files.list(template)) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VaultLocation location = switch (engine) {
            case SQLITE -> VaultLocation.sqlite(folder);
            case POSTGRES -> {
                String copy = templateDatabase + "_copy_" + ++copies;
                TestPostgres.get().administer("CREATE DATABASE " + copy + " TEMPLATE " + templateDatabase
                        + " OWNER " + TestPostgres.ROLE);
                yield VaultLocation.postgres(folder, VaultLocation.PostgresDatabase.of(TestPostgres.get().url(copy)));
            }
        };
        return Vault.open(location, TestVaults.keyFile(folder));
    }

    @Override
    public void close() throws IOException {
        TestVaults.delete(template);
    }
}
