package org.selfdata.vault;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.Person;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.testing.TestPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * What the README tells an operator about backups holds: the database dumped with PostgreSQL's own pg_dump, by its
 * administrator, and the key file kept apart, restore on a new cluster into a vault that opens with that key alone, with
 * every person's records and every log as they were; the dump holds no record in clear.
 *
 * <p>pg_dump must be of the server's major version or newer: the test looks for it where Debian installs it
 * ({@code /usr/lib/postgresql/MAJOR/bin}), or in {@code SELFDATA_TEST_PG_BIN}, and skips without it, as on a server whose
 * version Debian does not ship. CI runs it on PostgreSQL 15.
 */
class BackupAndRestoreTest {
    private EmbeddedPostgres newCluster;

    @BeforeEach
    void onlyWithThisServersDumpTools() {
        assumeThat(TestPostgres.get().citus()).as("a Citus cluster is backed up node by node").isFalse();
        assumeThat(tools().resolve("pg_dump")).as("pg_dump of the server's version").isExecutable();
    }

    @AfterEach
    void stopTheNewCluster() throws IOException {
        if (newCluster != null) {
            newCluster.close();
        }
    }

    @Test
    void aDumpTakenByTheAdministratorRestoresOnANewClusterIntoAVaultThatOpensWithItsKeyAlone(@TempDir Path home)
            throws Exception {
        Path folder = Files.createDirectories(home.resolve("vault"));
        String database = TestPostgres.get().newDatabase();
        String name = database.substring(database.lastIndexOf('/') + 1, database.indexOf('?'));
        List<List<RecordId>> written;
        List<SignedTreeHead> heads;
        try (Vault vault = Vault.create(VaultLocation.postgres(folder, VaultLocation.PostgresDatabase.of(database)),
                TestVaults.keyFile(folder))) {
            List<Person> people = List.of(TestVaults.camille(vault), vault.people().create("dominique", TestVaults.PARIS));
            for (Person person : people) {
                vault.imports().write(person.id(), new ImportRequest(SyntheticRecords.BANK, "csv", "account.csv"),
                        IntStream.range(0, 40).mapToObj(day -> SyntheticRecords.coffee(LocalDate.of(2025, 3, 1)
                                .plusDays(day), day + 2)));
            }
            written = people.stream().map(person -> ids(vault, person)).toList();
            heads = people.stream().map(person -> vault.log().head(person.id())).toList();
        }
        Path dump = home.resolve("vault.dump");
        run(tools().resolve("pg_dump").toString(), "--format=custom", "--compress=0", "--file=" + dump,
                "--dbname=postgresql://postgres@" + TestPostgres.get().host() + ":" + TestPostgres.get().port() + "/" + name);

        newCluster = EmbeddedPostgres.builder().start();
        administer("CREATE ROLE " + TestPostgres.ROLE + " LOGIN PASSWORD '" + TestPostgres.PASSWORD + "'");
        administer("CREATE DATABASE restored OWNER " + TestPostgres.ROLE);
        run(tools().resolve("pg_restore").toString(), "--exit-on-error",
                "--dbname=postgresql://postgres@localhost:" + newCluster.getPort() + "/restored", dump.toString());
        Path restoredFolder = Files.createDirectories(home.resolve("restored"));
        Files.copy(folder.resolve(VaultLocation.KEY_FILE), restoredFolder.resolve(VaultLocation.KEY_FILE));
        VaultLocation restored = VaultLocation.postgres(restoredFolder, VaultLocation.PostgresDatabase.of(
                "jdbc:postgresql://localhost:" + newCluster.getPort() + "/restored?user=" + TestPostgres.ROLE + "&password="
                        + TestPostgres.PASSWORD));

        try (Vault vault = Vault.open(restored, TestVaults.keyFile(restoredFolder))) {
            List<Person> people = vault.people().list();
            assertThat(people).extracting(Person::handle).containsExactly("camille", "dominique");
            for (int index = 0; index < people.size(); index++) {
                Person person = people.get(index);
                assertThat(ids(vault, person)).hasSize(40).isEqualTo(written.get(index));
                assertThat(vault.log().head(person.id())).isEqualTo(heads.get(index));
                assertThat(vault.log().verify(person.id())).isInstanceOf(LogVerification.Intact.class);
            }
            try (Stream<StoredRecord> records = vault.records().read(people.getFirst().id(), RecordQuery.all())) {
                assertThat(records.findFirst().orElseThrow().payload().toString()).contains("CAFE DE LA FAC");
            }
        }
        assertThat(new String(Files.readAllBytes(dump), StandardCharsets.ISO_8859_1)).as("records are sealed in the dump")
                .contains("camille").doesNotContain("CAFE DE LA FAC");
    }

    @Test
    void theRestoredDatabaseOpensWithNoOtherKey(@TempDir Path home) throws Exception {
        Path folder = Files.createDirectories(home.resolve("vault"));
        String database = TestPostgres.get().newDatabase();
        String name = database.substring(database.lastIndexOf('/') + 1, database.indexOf('?'));
        try (Vault vault = Vault.create(VaultLocation.postgres(folder, VaultLocation.PostgresDatabase.of(database)),
                TestVaults.keyFile(folder))) {
            TestVaults.camille(vault);
        }
        Path dump = home.resolve("vault.dump");
        run(tools().resolve("pg_dump").toString(), "--format=custom", "--file=" + dump,
                "--dbname=postgresql://postgres@" + TestPostgres.get().host() + ":" + TestPostgres.get().port() + "/" + name);
        newCluster = EmbeddedPostgres.builder().start();
        administer("CREATE ROLE " + TestPostgres.ROLE + " LOGIN PASSWORD '" + TestPostgres.PASSWORD + "'");
        administer("CREATE DATABASE restored OWNER " + TestPostgres.ROLE);
        run(tools().resolve("pg_restore").toString(), "--exit-on-error",
                "--dbname=postgresql://postgres@localhost:" + newCluster.getPort() + "/restored", dump.toString());
        Path otherFolder = Files.createDirectories(home.resolve("other"));
        try (Vault other = Vault.create(VaultLocation.sqlite(otherFolder), TestVaults.keyFile(otherFolder))) {
            TestVaults.camille(other);
        }

        VaultLocation restored = VaultLocation.postgres(otherFolder, VaultLocation.PostgresDatabase.of(
                "jdbc:postgresql://localhost:" + newCluster.getPort() + "/restored?user=" + TestPostgres.ROLE + "&password="
                        + TestPostgres.PASSWORD));
        assertThatThrownBy(() -> Vault.open(restored, TestVaults.keyFile(otherFolder)).close())
                .isInstanceOf(SelfdataException.class).hasMessageContaining("belongs to another vault");
    }

    private static List<RecordId> ids(Vault vault, Person person) {
        try (Stream<StoredRecord> records = vault.records().read(person.id(), RecordQuery.all())) {
            return records.map(StoredRecord::id).toList();
        }
    }

    /** The PostgreSQL client programs of the server's major version. */
    private static Path tools() {
        return Optional.ofNullable(System.getenv("SELFDATA_TEST_PG_BIN")).filter(folder -> !folder.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of("/usr/lib/postgresql",
                        Integer.toString(Integer.parseInt(TestPostgres.get().query("SHOW server_version_num")
                                .getFirst().getFirst()) / 10_000), "bin"));
    }

    private void administer(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(newCluster.getJdbcUrl("postgres", "postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(command[0] + ": " + output).isZero();
    }
}
