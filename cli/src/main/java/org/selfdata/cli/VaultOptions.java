package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.VaultLocation;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which vault a command works on, and how to unlock it. Every option has an environment variable, so that a server
 * can be configured without secrets on its command line.
 */
final class VaultOptions {
    @Option(names = "--data", paramLabel = "FOLDER",
            description = "The vault's folder (default: $SELFDATA_HOME, else ~/.selfdata).")
    Optional<Path> data = Optional.empty();

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "A PostgreSQL database for the records, e.g. jdbc:postgresql://localhost/selfdata "
                    + "(default: $SELFDATA_DB; without one, SQLite in the vault's folder). The password may also come "
                    + "from $SELFDATA_DB_PASSWORD.")
    Optional<String> database = Optional.empty();

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "The vault's key file (default: $SELFDATA_KEY_FILE, else master.key in the vault's folder).")
    Optional<Path> keyFile = Optional.empty();

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Unlock with the passphrase in this file instead of a key file (or give it in $SELFDATA_PASSPHRASE).")
    Optional<Path> passphraseFile = Optional.empty();

    @Option(names = "--person", paramLabel = "HANDLE",
            description = "Whose data (default: $SELFDATA_PERSON, else the vault's only person).")
    Optional<String> person = Optional.empty();

    Path folder(Environment environment) {
        return data.or(() -> environment.variable("SELFDATA_HOME").map(Path::of))
                .orElse(environment.home().resolve(".selfdata"))
                .toAbsolutePath().normalize();
    }

    VaultLocation location(Environment environment) {
        Path folder = folder(environment);
        Optional<String> url = database.or(() -> environment.variable("SELFDATA_DB"));
        if (url.isEmpty()) {
            return VaultLocation.sqlite(folder);
        }
        if (!url.get().startsWith("jdbc:postgresql:")) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.cli.databaseUrl"));
        }
        return VaultLocation.postgres(folder, new VaultLocation.PostgresDatabase(url.get(),
                environment.variable("SELFDATA_DB_USER"), environment.variable("SELFDATA_DB_PASSWORD")));
    }

    KeySource keySource(Environment environment) {
        if (passphraseFile.isPresent()) {
            return KeySource.passphrase(readPassphrase(passphraseFile.get()));
        }
        Optional<String> passphrase = environment.variable("SELFDATA_PASSPHRASE");
        if (passphrase.isPresent()) {
            return KeySource.passphrase(passphrase.get().toCharArray());
        }
        return KeySource.keyFile(keyFile.or(() -> environment.variable("SELFDATA_KEY_FILE").map(Path::of))
                .orElse(folder(environment).resolve(VaultLocation.KEY_FILE)));
    }

    Optional<String> person(Environment environment) {
        return person.or(() -> environment.variable("SELFDATA_PERSON"));
    }

    private static char[] readPassphrase(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.strip().toCharArray();
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.KEY_UNAVAILABLE,
                    Wording.of("error.cli.passphraseFile", file.toString(), String.valueOf(e.getMessage())), e);
        }
    }
}
