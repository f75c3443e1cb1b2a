package org.selfdata.vault;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.StoredRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fresh vault in a folder of its own with Camille in it, closed and deleted after the test. A test class makes it in
 * its constructor, which JUnit calls once per test, and registers it with {@code @RegisterExtension}; the class is
 * parameterized over the {@link Engine}, so that every test runs on SQLite and on PostgreSQL. Made in the constructor,
 * the vault and Camille can sit in the test's final fields.
 */
public final class VaultWithCamille implements AfterEachCallback {
    private final Path folder;
    private final Vault vault;
    private final Person camille;

    public VaultWithCamille(Engine engine) {
        this(engine, Clock.systemUTC());
    }

    /** With a clock of the test's own, for what depends on time: sessions, grants and their expiry. */
    public VaultWithCamille(Engine engine, Clock clock) {
        folder = TestVaults.newFolder();
        vault = TestVaults.create(engine, folder, clock);
        camille = TestVaults.camille(vault);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            vault.close();
        }
        finally {
            TestVaults.delete(folder);
        }
    }

    public Vault vault() {
        return vault;
    }

    /** The folder the vault's files and key file are in, for a test that opens the vault again. */
    public Path folder() {
        return folder;
    }

    public Person camille() {
        return camille;
    }

    /** All of Camille's records, in the vault's order. */
    public List<StoredRecord> readAll() {
        try (Stream<StoredRecord> records = vault.records().read(camille.id(), RecordQuery.all())) {
            return records.toList();
        }
    }
}
