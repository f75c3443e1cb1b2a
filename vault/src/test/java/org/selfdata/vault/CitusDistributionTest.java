package org.selfdata.vault;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.Person;
import org.selfdata.testing.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A vault on a Citus cluster (the coordinator {@code SELFDATA_TEST_POSTGRES} names, as .ci/citus-cluster starts it):
 * person-scoped tables distributed by person and co-located, vault-wide ones copied to every node, with every key and
 * trigger of one server still holding. Skipped on a PostgreSQL without Citus.
 */
class CitusDistributionTest {
    @BeforeEach
    void onlyOnCitus() {
        assumeTrue(TestPostgres.get().citus(), "the PostgreSQL of the tests is not a Citus coordinator");
    }

    @Test
    void personScopedTablesAreDistributedByPersonInOneGroupAndVaultWideOnesCopiedToEveryNode(@TempDir Path folder)
            throws SQLException {
        String url = TestPostgres.get().newDatabase();
        try (Vault vault = TestVaults.createInDatabase(folder, url)) {
            TestVaults.camille(vault);
        }

        Map<String, String> kinds = new TreeMap<>();
        Map<String, Long> groupOf = new TreeMap<>();
        List<Long> groups = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.relname, p.partmethod, p.repmodel, p.colocationid, "
                     + "column_to_column_name(p.logicalrelid, p.partkey) FROM pg_class c "
                     + "LEFT JOIN pg_dist_partition p ON p.logicalrelid = c.oid "
                     + "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'")) {
            while (rows.next()) {
                String kind = rows.getString(2) == null ? "local"
                        : rows.getString(2).equals("h") ? "distributed by " + rows.getString(5)
                        : rows.getString(3).equals("t") ? "reference" : "citus local";
                kinds.put(rows.getString(1), kind);
                if (rows.getString(2) != null && rows.getString(2).equals("h")) {
                    groups.add(rows.getLong(4));
                    groupOf.put(rows.getString(1), rows.getLong(4));
                }
            }
        }
        assertThat(kinds).containsEntry("records", "distributed by person_id")
                .containsEntry("log_entries", "distributed by person_id")
                .containsEntry("log_heads", "distributed by person_id")
                .containsEntry("import_batches", "distributed by person_id")
                .containsEntry("grant_withdrawals", "distributed by person_id")
                .containsEntry("person_counters", "distributed by person_id")
                .containsEntry("persons", "reference")
                .containsEntry("grants", "reference")
                .containsEntry("recipients", "reference")
                .containsEntry("recipient_declarations", "reference")
                .containsEntry("vault_meta", "reference")
                .containsEntry("oauth_tokens", "reference")
                .containsEntry("person_identities", "reference")
                .containsEntry("vault_schema_history", "local");
        assertThat(kinds.values()).as("no table is left half spread").doesNotContain("citus local");
        assertThat(groups).as("co-located").hasSizeGreaterThan(20).containsOnly(groups.getFirst());
        assertThat(groupOf.get("person_counters")).as("a person's counters on the node of their records")
                .isEqualTo(groupOf.get("records"));
    }

    /**
     * Citus records each transaction it commits in two phases in {@code pg_dist_transaction}, one row per node it
     * prepared there, until its maintenance daemon has seen it through (about once a minute). Adding a person writes to
     * persons, a table copied to every node, and so prepares on every worker; an import, whose counters are the person's
     * own, prepares on the worker holding the person alone (the coordinator, where its staging tables live, takes part in
     * any case).
     */
    @Test
    void anImportCommitsOnThePersonsWorkerAloneWhileAddingAPersonCommitsOnEveryWorker(@TempDir Path folder)
            throws SQLException {
        String url = TestPostgres.get().newDatabase();
        try (Vault vault = TestVaults.createInDatabase(folder, url)) {
            Map<String, Integer> before = preparedOn(url);
            Person camille = TestVaults.camille(vault);
            Map<String, Integer> afterAdding = preparedOn(url);
            assertThat(since(before, afterAdding)).as("the workers a person's addition prepared on")
                    .hasSizeGreaterThanOrEqualTo(2);

            vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records",
                    "Records.json"), SyntheticRecords.points(30));
            vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records",
                    "Records-2.json"), SyntheticRecords.points(40));

            assertThat(since(afterAdding, preparedOn(url))).as("the workers the imports prepared on")
                    .isSubsetOf(Set.of(groupHolding(url, camille)));
            assertThat(vault.records().changes(camille.id())).isEqualTo(2);
        }
    }

    /** Each transaction prepared and not yet seen through, with the group of the node it was prepared on. */
    private static Map<String, Integer> preparedOn(String url) throws SQLException {
        Map<String, Integer> transactions = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT gid, groupid FROM pg_dist_transaction")) {
            while (rows.next()) {
                transactions.put(rows.getString(1), rows.getInt(2));
            }
        }
        return transactions;
    }

    /** The groups of the nodes that transactions prepared on, of those recorded after {@code before}. */
    private static Set<Integer> since(Map<String, Integer> before, Map<String, Integer> after) {
        Set<Integer> groups = new TreeSet<>();
        after.forEach((transaction, group) -> {
            if (!before.containsKey(transaction)) {
                groups.add(group);
            }
        });
        return groups;
    }

    private static int groupHolding(String url, Person person) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             java.sql.PreparedStatement statement = connection.prepareStatement("SELECT n.groupid FROM citus_shards s "
                     + "JOIN pg_dist_node n ON n.nodename = s.nodename AND n.nodeport = s.nodeport "
                     + "WHERE s.table_name = 'person_counters'::regclass "
                     + "AND s.shardid = get_shard_id_for_distribution_column('person_counters', ?)")) {
            statement.setLong(1, person.id().value());
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("the shard of " + person.handle()).isTrue();
                return rows.getInt(1);
            }
        }
    }

    @Test
    void aGrantIdStaysUniqueAcrossPeopleAndDeclarationsStayAppendOnlyOnEveryNode(@TempDir Path folder) throws SQLException {
        TestVaults.TwoPeople two = TestVaults.camilleAndDominique(folder, (vault, camille, dominique) -> {
            var meteo = SampleRecipients.meteoLocale(vault);
            var terms = SampleRecipients.regionTerms(meteo, java.time.Instant.parse("2025-06-01T08:00:00Z"),
                    java.time.Duration.ofDays(30));
            vault.grants().give(camille.id(), terms);
        });
        String url = two.url();
        Person camille = two.camille();
        Person dominique = two.dominique();

        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            PersonScope.name(connection, camille.id());
            String grant;
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT grant_id FROM grants")) {
                assertThat(rows.next()).isTrue();
                grant = rows.getString(1);
            }
            connection.rollback();

            PersonScope.name(connection, dominique.id());
            assertThatThrownBy(() -> connection.createStatement().execute("INSERT INTO grants SELECT " + dominique.id().value()
                    + ", '" + grant + "', recipient_id, version, 'read', '{}', 0, 0 FROM recipient_declarations"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("duplicate key");
            connection.rollback();

            assertThatThrownBy(() -> connection.createStatement().execute("UPDATE recipient_declarations SET declared_at = 0"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("never changes");
            connection.rollback();
            assertThatThrownBy(() -> connection.createStatement().execute("DELETE FROM recipient_declarations"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("never changes");
            connection.rollback();
        }
    }

    @Test
    void spreadingAgainChangesNothingAndATableAddedLaterIsSpreadAtTheNextOpening(@TempDir Path folder) throws SQLException {
        String url = TestPostgres.get().newDatabase();
        VaultLocation location = VaultLocation.postgres(folder, VaultLocation.PostgresDatabase.of(url));
        try (Vault vault = Vault.create(location, TestVaults.keyFile(folder))) {
            TestVaults.camille(vault);
        }
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            // A vault-wide table (no person_id: copied to every node) and a person's (spread by person).
            statement.execute("CREATE TABLE vault_notices (notice_number BIGINT PRIMARY KEY, "
                    + "written_by BIGINT NOT NULL REFERENCES persons (person_id))");
            statement.execute("CREATE TABLE place_notes (person_id BIGINT NOT NULL REFERENCES persons (person_id), "
                    + "note_number BIGINT NOT NULL, PRIMARY KEY (person_id, note_number))");
            connection.setAutoCommit(false);
            assertThat(CitusDistribution.pending(connection)).containsOnlyKeys("vault_notices", "place_notes");
            connection.rollback();
        }

        try (Vault vault = Vault.open(location, TestVaults.keyFile(folder))) {
            assertThat(vault.people().list()).hasSize(1);
        }

        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            assertThat(CitusDistribution.pending(connection)).isEmpty();
            assertThat(count(connection, "SELECT count(*) FROM pg_dist_partition "
                    + "WHERE logicalrelid = 'vault_notices'::regclass AND partmethod = 'n' AND repmodel = 't'")).isEqualTo(1);
            assertThat(count(connection, "SELECT count(*) FROM pg_dist_partition WHERE logicalrelid = 'place_notes'::regclass "
                    + "AND partmethod = 'h'")).isEqualTo(1);
            assertThat(count(connection, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' "
                    + "AND conrelid IN ('vault_notices'::regclass, 'place_notes'::regclass)"))
                    .as("their foreign keys are back").isEqualTo(2);
            connection.rollback();
        }
    }

    /**
     * A vault of selfdata's version 9, from before selfdata spread its tables, in a PostgreSQL database that then became
     * part of a Citus cluster (its operator created the extension and named the nodes): its next opening runs the
     * migrations after 9 on the coordinator's own tables and then spreads them, losing nothing, its log still whole.
     */
    @Test
    void aVaultOfVersionNineMovedOntoTheClusterIsMigratedAndThenSpread(@TempDir Path folder) throws SQLException {
        String url = TestPostgres.get().newDatabaseOutsideTheCluster();
        VaultLocation location = VaultLocation.postgres(folder, VaultLocation.PostgresDatabase.of(url));
        Person camille;
        try (Vault vault = Vault.create(location, TestVaults.keyFile(folder))) {
            camille = TestVaults.camille(vault);
            UntimedRecordsTest.fillAsVersionNine(vault, camille);
        }
        try (Connection connection = DriverManager.getConnection(url)) {
            assertThat(count(connection, "SELECT count(*) FROM pg_extension WHERE extname = 'citus'")).isZero();
            assertThat(count(connection, "SELECT max(version::int) FROM vault_schema_history")).isEqualTo(9);
        }

        TestPostgres.get().addToCluster(url);

        try (Vault moved = Vault.open(location, TestVaults.keyFile(folder))) {
            UntimedRecordsTest.assertMigratedFromVersionNine(moved, camille);
            assertThat(moved.log().verify(camille.id()).intact()).isTrue();
        }
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            PersonScope.name(connection, camille.id());
            assertThat(count(connection, "SELECT max(version::int) FROM vault_schema_history"))
                    .isEqualTo(Long.parseLong(Migrations.CURRENT_VERSION));
            assertThat(CitusDistribution.pending(connection)).as("left to spread").isEmpty();
            assertThat(count(connection, "SELECT count(*) FROM pg_dist_partition "
                    + "WHERE logicalrelid = 'records'::regclass AND partmethod = 'h'")).isEqualTo(1);
            assertThat(count(connection, "SELECT count(*) FROM records")).as("every record, now in the shards").isEqualTo(4);
            connection.rollback();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
