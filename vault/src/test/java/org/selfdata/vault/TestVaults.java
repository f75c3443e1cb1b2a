package org.selfdata.vault;

import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.testing.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Real vaults for tests, on SQLite in a temporary folder or on a fresh PostgreSQL database. */
public final class TestVaults {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The database of each folder's vault on PostgreSQL, released when the folder is deleted. */
    private static final Map<Path, String> DATABASES = new ConcurrentHashMap<>();

    private TestVaults() {}

    public static VaultLocation location(Engine engine, Path folder) {
        return switch (engine) {
            case SQLITE -> VaultLocation.sqlite(folder);
            case POSTGRES -> {
                String url = TestPostgres.get().newDatabase();
                DATABASES.put(folder.toAbsolutePath().normalize(), url);
                yield VaultLocation.postgres(folder, VaultLocation.PostgresDatabase.of(url));
            }
        };
    }

    /** A new folder of its own for one test's vault, which {@link #delete} removes after the test. */
    public static Path newFolder() {
        try {
            return Files.createTempDirectory("selfdata-vault-test");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder and everything in it, once its vault is closed, and its database where it must go too. */
    public static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        String database = DATABASES.remove(folder.toAbsolutePath().normalize());
        if (database != null) {
            TestPostgres.get().release(database);
        }
    }

    public static KeySource keyFile(Path folder) {
        return KeySource.keyFile(folder.resolve(VaultLocation.KEY_FILE));
    }

    public static Vault create(Engine engine, Path folder) {
        return Vault.create(location(engine, folder), keyFile(folder));
    }

    /** A PostgreSQL vault in the database this URL names, its key file in the folder. */
    public static Vault createInDatabase(Path folder, String url) {
        return Vault.create(VaultLocation.postgres(folder, VaultLocation.PostgresDatabase.of(url)), keyFile(folder));
    }

    public static Vault create(Engine engine, Path folder, Clock clock) {
        return Vault.create(location(engine, folder), keyFile(folder), clock);
    }

    /** A vault with one person in it, Camille, in Paris's time zone. */
    public static Person camille(Vault vault) {
        return vault.people().create("camille", PARIS);
    }

    /** Two people in a PostgreSQL vault of their own database, whose URL tests connect to behind the vault's back. */
    public record TwoPeople(String url, Person camille, Person dominique) {}

    /** What a test puts in the two people's vault before it is closed. */
    @FunctionalInterface
    public interface ForTwo {
        void fill(Vault vault, Person camille, Person dominique);
    }

    /**
     * A new PostgreSQL vault in a database of its own, holding Camille and then Dominique, both in Paris, filled by
     * {@code fill} and closed, so that the test then reads its database as it pleases.
     */
    public static TwoPeople camilleAndDominique(Path folder, ForTwo fill) {
        String url = TestPostgres.get().newDatabase();
        try (Vault vault = createInDatabase(folder, url)) {
            Person camille = camille(vault);
            Person dominique = vault.people().create("dominique", PARIS);
            fill.fill(vault, camille, dominique);
            return new TwoPeople(url, camille, dominique);
        }
    }

    /** Work on the database behind the vault's back, as someone with access to its files or its server could. */
    @FunctionalInterface
    public interface BehindTheVault {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Runs the work in one transaction of a connection of its own, scoped to the person on PostgreSQL as the vault's own
     * transactions are, so that row-level security lets it see that person's rows.
     */
    public static void behindTheVault(Vault vault, PersonId person, BehindTheVault work) {
        VaultLocation location = vault.location();
        String url = location.postgres().map(VaultLocation.PostgresDatabase::jdbcUrl)
                .orElse("jdbc:sqlite:" + location.databaseFile());
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            if (location.postgres().isPresent()) {
                PersonScope.name(connection, person);
            }
            work.run(connection);
            connection.commit();
        }
        catch (SQLException e) {
            throw new IllegalStateException("working behind the vault's back failed", e);
        }
    }
}
