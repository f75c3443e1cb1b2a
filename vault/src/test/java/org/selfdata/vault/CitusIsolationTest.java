package org.selfdata.vault;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordQuery;
import org.selfdata.testing.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Row-level security on a Citus cluster (the coordinator {@code SELFDATA_TEST_POSTGRES} names, as .ci/citus-cluster
 * starts it): the rows are on the workers, and a person's session, as the vault's role, reads none of another person's
 * there. Skipped on a PostgreSQL without Citus.
 */
class CitusIsolationTest {
    private static final String WORKER_SEES_NOBODY = "SELECT set_config('selfdata.person_id', ?, true)";

    @BeforeEach
    void onlyOnCitus() {
        assumeTrue(TestPostgres.get().citus(), "the PostgreSQL of the tests is not a Citus coordinator");
    }

    @Test
    void aPersonsSessionOnTheCoordinatorNeverReadsAnotherPersonsRowsOnTheWorkers(@TempDir Path folder) throws SQLException {
        TestVaults.TwoPeople two = TestVaults.camilleAndDominique(folder, (vault, camille, dominique) -> {
            vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "a.json"),
                    SyntheticRecords.points(30));
            vault.imports().write(dominique.id(),
                    new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "b.json"),
                    SyntheticRecords.points(20));
            try (var read = vault.records().read(camille.id(), RecordQuery.all())) {
                assertThat(read.count()).as("camille's records, read through the vault").isEqualTo(30);
            }
        });
        String url = two.url();
        Person camille = two.camille();
        Person dominique = two.dominique();

        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            PersonScope.name(connection, camille.id());
            // No filter on the person: Citus sends the query to every shard on every worker, and only row-level security
            // there keeps dominique's rows out.
            assertThat(count(connection, "SELECT count(*) FROM records")).isEqualTo(30);
            assertThat(count(connection, "SELECT count(*) FROM records WHERE person_id = " + dominique.id().value())).isZero();
            assertThat(count(connection, "SELECT count(*) FROM log_entries WHERE person_id <> " + camille.id().value()))
                    .isZero();
            connection.rollback();

            PersonScope.name(connection, dominique.id());
            assertThat(count(connection, "SELECT count(*) FROM records")).isEqualTo(20);
            connection.rollback();
        }
    }

    @Test
    void onTheWorkerThatHoldsAPersonsRowsOnlyThatPersonSeesThem(@TempDir Path folder) throws SQLException {
        TestVaults.TwoPeople two = TestVaults.camilleAndDominique(folder, (vault, camille, dominique) -> {
            vault.imports().write(dominique.id(),
                    new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "b.json"),
                    SyntheticRecords.points(20));
        });
        String url = two.url();
        Person camille = two.camille();
        Person dominique = two.dominique();
        Shard shard = shardOf(url, "records", dominique.id());
        assertThat(shard.port()).as("the shard lives on a worker, not on the coordinator")
                .isNotEqualTo(TestPostgres.get().port());

        // The worker's own copy of dominique's shard, read as the vault's role, as Citus reads it for the coordinator.
        try (Connection worker = DriverManager.getConnection(TestPostgres.get().url(url.replaceAll(".*/([^/?]+)\\?.*", "$1"))
                .replaceFirst(":" + TestPostgres.get().port() + "/", ":" + shard.port() + "/"))) {
            worker.setAutoCommit(false);
            String rows = "SELECT count(*) FROM " + shard.name() + " WHERE person_id = " + dominique.id().value();
            PersonScope.name(worker, camille.id());
            assertThat(count(worker, rows)).as("camille, on the worker of dominique's shard").isZero();
            worker.rollback();
            PersonScope.name(worker, dominique.id());
            assertThat(count(worker, rows)).as("dominique, there").isEqualTo(20);
            worker.rollback();
            assertThat(count(worker, rows)).as("nobody named, there").isZero();
            assertThatThrownBy(() -> worker.createStatement().execute("INSERT INTO " + shard.name()
                    + " (person_id, type, time_start, record_number, source_id, batch_id, category, time_end, fingerprint, "
                    + "occurrence, version, payload) VALUES (" + dominique.id().value()
                    + ", 'x', 0, 999, 1, 1, 'x', 0, 0, 0, 1, '\\x00')"))
                    .as("nobody named cannot write there either").isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            worker.rollback();
        }
    }

    @Test
    void aPersonNamedWithSetConfigAloneWouldReachNoWorkerWhichIsWhyTheVaultDoesNotNameThemSo(@TempDir Path folder)
            throws SQLException {
        String url = TestPostgres.get().newDatabase();
        Person camille;
        try (Vault vault = TestVaults.createInDatabase(folder, url)) {
            camille = TestVaults.camille(vault);
            vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "a.json"),
                    SyntheticRecords.points(30));
        }

        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            try (PreparedStatement trap = connection.prepareStatement(WORKER_SEES_NOBODY)) {
                trap.setString(1, Long.toString(camille.id().value()));
                trap.execute();
            }
            assertThat(count(connection, "SELECT count(*) FROM records")).as("the workers saw nobody").isZero();
            connection.rollback();

            PersonScope.name(connection, camille.id());
            assertThat(count(connection, "SELECT count(*) FROM records")).isEqualTo(30);
            connection.rollback();
        }
        assertThat(PersonScope.statements(camille.id())).doesNotContain("set_config").contains("SET LOCAL");
    }

    private record Shard(String name, int port) {}

    private static Shard shardOf(String url, String table, PersonId person) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement statement = connection.prepareStatement("SELECT s.shard_name, s.nodeport FROM citus_shards s "
                     + "WHERE s.table_name = ?::regclass AND s.shardid = get_shard_id_for_distribution_column(?::regclass, ?)")) {
            statement.setString(1, table);
            statement.setString(2, table);
            statement.setLong(3, person.value());
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("the shard of " + person.value()).isTrue();
                return new Shard(rows.getString(1), rows.getInt(2));
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
