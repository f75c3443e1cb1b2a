package org.selfdata.vault;

import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where a vault lives. Always a folder, which holds the key file; the records are in an SQLite database in that
 * folder, or in a PostgreSQL database when one is named.
 */
public record VaultLocation(Path folder, Optional<PostgresDatabase> postgres) {
    public static final String DATABASE_FILE = "vault.db";
    public static final String KEY_FILE = "master.key";

    public VaultLocation {
        requireNonNull(folder, "folder is null");
        requireNonNull(postgres, "postgres is null");
        folder = folder.toAbsolutePath().normalize();
    }

    public static VaultLocation sqlite(Path folder) {
        return new VaultLocation(folder, Optional.empty());
    }

    public static VaultLocation postgres(Path folder, PostgresDatabase database) {
        return new VaultLocation(folder, Optional.of(database));
    }

    public Path databaseFile() {
        return folder.resolve(DATABASE_FILE);
    }

    public Path defaultKeyFile() {
        return folder.resolve(KEY_FILE);
    }

    /** Where the records are, for messages: never includes a password. */
    public String describe() {
        return postgres.map(PostgresDatabase::describe).orElse(databaseFile().toString());
    }

    /**
     * A PostgreSQL database given by JDBC URL ({@code jdbc:postgresql://host:5432/selfdata}). The user and password
     * may also be inside the URL; {@link #toString()} never shows the password.
     */
    public record PostgresDatabase(String jdbcUrl, Optional<String> user, Optional<String> password) {
        public PostgresDatabase {
            requireNonNull(jdbcUrl, "jdbcUrl is null");
            requireNonNull(user, "user is null");
            requireNonNull(password, "password is null");
        }

        public static PostgresDatabase of(String jdbcUrl) {
            return new PostgresDatabase(jdbcUrl, Optional.empty(), Optional.empty());
        }

        /** The URL without its query string, where passwords may hide. */
        public String describe() {
            int query = jdbcUrl.indexOf('?');
            return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        }

        @Override
        public String toString() {
            return "PostgresDatabase[" + describe() + user.map(name -> " as " + name).orElse("") + "]";
        }
    }
}
