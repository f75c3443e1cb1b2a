package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.testing.TestPostgres;
import org.selfdata.texts.Language;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpeningTest {
    @TempDir
    Path folder;

    @Test
    void aMissingVaultIsReportedAndNoFolderIsCreated() {
        Path nowhere = folder.resolve("nowhere");

        assertThatThrownBy(() -> Vault.open(VaultLocation.sqlite(nowhere), TestVaults.keyFile(nowhere)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("there is no vault at " + nowhere + "; create one with 'selfdata init', or try 'selfdata demo'")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.VAULT_MISSING);
        assertThat(nowhere).doesNotExist();
    }

    @Test
    void aMissingVaultIsReportedInFrenchWithTheCommandsThatMakeOne() {
        Path nowhere = folder.resolve("nowhere");

        assertThatThrownBy(() -> Vault.open(VaultLocation.sqlite(nowhere), TestVaults.keyFile(nowhere)))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> assertThat(refusal.message(Language.FRENCH))
                        .isEqualTo("il n’y a pas de coffre dans " + nowhere
                                + " ; créez-en un avec « selfdata init », ou essayez « selfdata demo »"));
    }

    @Test
    void aDamagedDatabaseFileIsReportedAndLeftUntouched() throws IOException {
        TestVaults.create(Engine.SQLITE, folder).close();
        byte[] garbage = new byte[8192];
        new Random(7).nextBytes(garbage);
        Files.write(folder.resolve("vault.db"), garbage);
        FolderSnapshot before = FolderSnapshot.of(folder);

        assertThatThrownBy(() -> Vault.open(VaultLocation.sqlite(folder), TestVaults.keyFile(folder)))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("the vault database is damaged or is not a database (SQLITE_NOTADB)")
                .hasMessageEndingWith("; restore the vault from an export with 'selfdata restore' into a new folder")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.VAULT_CORRUPT);
        assertThat(FolderSnapshot.of(folder)).isEqualTo(before);
    }

    @Test
    void anSqliteDatabaseThatIsNotAVaultIsNotTakenForOne() throws SQLException {
        Files.exists(folder);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("vault.db"))) {
            connection.createStatement().execute("CREATE TABLE recipes (name TEXT)");
        }
        FolderSnapshot before = FolderSnapshot.of(folder);

        assertThatThrownBy(() -> Vault.open(VaultLocation.sqlite(folder), TestVaults.keyFile(folder)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage(folder.resolve("vault.db") + " is an SQLite database but not a selfdata vault");
        assertThat(FolderSnapshot.of(folder)).isEqualTo(before);
    }

    @Test
    void creatingWhereAVaultExistsIsRefused() {
        TestVaults.create(Engine.SQLITE, folder).close();

        assertThatThrownBy(() -> TestVaults.create(Engine.SQLITE, folder))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("there is already a vault at " + folder + "; open it, or choose another folder with --data");
    }

    @Test
    void aPostgresThatIsDownIsReportedWithTheFix() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        VaultLocation location = VaultLocation.postgres(folder,
                VaultLocation.PostgresDatabase.of("jdbc:postgresql://127.0.0.1:" + closedPort
                        + "/selfdata?user=selfdata&password=secret"));

        assertThatThrownBy(() -> Vault.open(location, TestVaults.keyFile(folder)))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("cannot reach PostgreSQL while connecting to jdbc:postgresql://127.0.0.1:" + closedPort
                        + "/selfdata (")
                .hasMessageEndingWith("); is the server running, and are the host and port right?")
                .hasMessageNotContaining("secret")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
    }

    @Test
    void aPostgresThatRefusesThePasswordIsReported() {
        String url = TestPostgres.get().newDatabase().replace(TestPostgres.PASSWORD, "not-the-password");

        assertThatThrownBy(() -> Vault.open(VaultLocation.postgres(folder, VaultLocation.PostgresDatabase.of(url)),
                        TestVaults.keyFile(folder)))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("PostgreSQL refused the credentials while connecting to jdbc:postgresql://")
                .hasMessageEndingWith("; check the user and password given with --db or SELFDATA_DB")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void anEmptyPostgresDatabaseHoldsNoVaultYet() {
        VaultLocation location = VaultLocation.postgres(folder,
                VaultLocation.PostgresDatabase.of(TestPostgres.get().newDatabase()));

        assertThat(Vault.exists(location)).isFalse();
        assertThatThrownBy(() -> Vault.open(location, TestVaults.keyFile(folder)))
                .isInstanceOf(SelfdataException.class)
                .hasMessageEndingWith(" holds no selfdata vault; create one with 'selfdata init --db ...'")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.VAULT_MISSING);
    }

    @Test
    void aSuperuserConnectionIsRefusedBecauseRowLevelSecurityWouldNotApply() {
        String database = "selfdata_superuser_" + ProcessHandle.current().pid();
        TestPostgres postgres = TestPostgres.get();
        postgres.administer("CREATE ROLE selfdata_root_" + ProcessHandle.current().pid()
                + " LOGIN SUPERUSER PASSWORD 'root-password'");
        postgres.administer("CREATE DATABASE " + database);
        String url = "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + database
                + "?user=selfdata_root_" + ProcessHandle.current().pid() + "&password=root-password";

        assertThatThrownBy(() -> TestVaults.createInDatabase(folder, url))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("selfdata connected to PostgreSQL as a superuser or a role with BYPASSRLS, for which row-level "
                        + "security does not apply; connect as an ordinary role (see the README)");
        assertThat(Optional.of(folder.resolve(VaultLocation.KEY_FILE))).get().satisfies(path -> assertThat(path).doesNotExist());
    }
}
