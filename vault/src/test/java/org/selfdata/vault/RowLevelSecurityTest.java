package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.PlaceVerdict;
import org.selfdata.model.RecurringVerdict;
import org.selfdata.model.Position;
import org.selfdata.model.Rejection;
import org.selfdata.testing.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL's row-level security, tested beneath the vault's own queries: a session that names one person sees none
 * of another's rows in any personal table, even when its query asks for them all.
 */
class RowLevelSecurityTest {
    private static final List<String> PERSONAL_TABLES =
            List.of("sources", "keysets", "import_batches", "records", "record_versions", "coverage", "rejects",
                    "place_corrections", "log_head_history", "recurring_corrections", "person_counters");

    @Test
    void aSessionSeesOnlyThePersonItNamed(@TempDir Path folder) throws SQLException {
        TestVaults.TwoPeople two = TestVaults.camilleAndDominique(folder, (vault, camille, dominique) -> {
            vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "a.json"),
                    SyntheticRecords.points(30));
            vault.imports().write(dominique.id(),
                    new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "b.json"),
                    Stream.concat(SyntheticRecords.points(20),
                            Stream.of(new Rejection(Position.line(3), "the amount is not a number"))));
            vault.placeCorrections().correct(dominique.id(), "8a1f96b5a2dffff", 45.75395, 4.84231, PlaceVerdict.NAMED,
                    Optional.of("Maison"));
            vault.recurringCorrections().correct(dominique.id(), "0f3a9c2e5b7d1846", RecurringVerdict.CONFIRMED,
                    Optional.of("Loyer"));
        });
        String url = two.url();
        Person camille = two.camille();
        Person dominique = two.dominique();

        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            name(connection, dominique.id().value());
            assertThat(count(connection, "rejects")).as("dominique's quarantine, seen by dominique").isEqualTo(1);
            assertThat(count(connection, "place_corrections")).as("dominique's places, seen by dominique").isEqualTo(1);
            assertThat(count(connection, "recurring_corrections")).as("dominique's payments, seen by dominique")
                    .isEqualTo(1);
            connection.rollback();

            name(connection, camille.id().value());
            for (String table : PERSONAL_TABLES) {
                assertThat(personIds(connection, table)).as(table).doesNotContain(dominique.id().value());
            }
            assertThat(count(connection, "records")).isEqualTo(30);
            connection.rollback();

            name(connection, dominique.id().value());
            assertThat(count(connection, "records")).isEqualTo(20);
            connection.rollback();
        }
    }

    @Test
    void aSessionThatNamesNobodySeesNothing(@TempDir Path folder) throws SQLException {
        String url = TestPostgres.get().newDatabase();
        try (Vault vault = TestVaults.createInDatabase(folder, url)) {
            Person camille = TestVaults.camille(vault);
            vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "a.json"),
                    SyntheticRecords.points(30));
        }

        try (Connection connection = DriverManager.getConnection(url)) {
            for (String table : PERSONAL_TABLES) {
                assertThat(count(connection, table)).as(table).isZero();
            }
        }
    }

    @Test
    void aSessionCannotWriteRowsForAnotherPerson(@TempDir Path folder) throws SQLException {
        String url = TestPostgres.get().newDatabase();
        Person camille;
        Person dominique;
        try (Vault vault = TestVaults.createInDatabase(folder, url)) {
            camille = TestVaults.camille(vault);
            dominique = vault.people().create("dominique", TestVaults.PARIS);
        }

        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            name(connection, camille.id().value());
            long other = dominique.id().value();
            assertThatThrownBy(() -> connection.createStatement().execute(
                    "INSERT INTO sources (person_id, source_id, kind, organization, label, created_at) VALUES (" + other
                            + ", 1, 'FILE', 'x', 'y', 0)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            connection.rollback();
        }
    }

    @Test
    void aSessionCannotReadOrChangeAnotherPersonsCounters(@TempDir Path folder) throws SQLException {
        Person[] eloise = new Person[1];
        TestVaults.TwoPeople two = TestVaults.camilleAndDominique(folder, (vault, camille, dominique) -> {
            vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "a.json"),
                    SyntheticRecords.points(30));
            vault.imports().write(dominique.id(),
                    new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "b.json"),
                    SyntheticRecords.points(20));
            eloise[0] = vault.people().create("eloise", TestVaults.PARIS);
        });
        long dominique = two.dominique().id().value();

        try (Connection connection = DriverManager.getConnection(two.url())) {
            connection.setAutoCommit(false);
            name(connection, two.camille().id().value());
            assertThat(personIds(connection, "person_counters")).containsExactly(two.camille().id().value());
            try (var statement = connection.createStatement()) {
                assertThat(statement.executeUpdate("UPDATE person_counters SET next_record_id = 1, records_changed = 0 "
                        + "WHERE person_id = " + dominique)).as("dominique's counters, changed by camille").isZero();
                assertThat(statement.executeUpdate("DELETE FROM person_counters WHERE person_id = " + dominique))
                        .as("dominique's counters, deleted by camille").isZero();
            }
            assertThatThrownBy(() -> connection.createStatement().execute(
                    "INSERT INTO person_counters (person_id) VALUES (" + eloise[0].id().value() + ")"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            connection.rollback();

            name(connection, dominique);
            try (var statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT next_record_id, records_changed FROM person_counters")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).as("dominique's next record, untouched").isEqualTo(21);
                assertThat(rows.getLong(2)).as("dominique's changes, untouched").isEqualTo(1);
                assertThat(rows.next()).isFalse();
            }
            connection.rollback();
        }
    }

    @Test
    void aSessionSeesOnlyTheGrantsOfThePersonItNamed(@TempDir Path folder) throws SQLException {
        String url = TestPostgres.get().newDatabase();
        Person camille;
        Person dominique;
        try (Vault vault = TestVaults.createInDatabase(folder, url)) {
            camille = TestVaults.camille(vault);
            dominique = vault.people().create("dominique", TestVaults.PARIS);
            var meteo = SampleRecipients.meteoLocale(vault);
            var terms = SampleRecipients.regionTerms(meteo, java.time.Instant.parse("2025-06-01T08:00:00Z"),
                    java.time.Duration.ofDays(30));
            vault.grants().give(camille.id(), terms);
            vault.grants().withdraw(dominique.id(), vault.grants().give(dominique.id(), terms).id());
        }

        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            name(connection, camille.id().value());
            assertThat(personIds(connection, "grants")).containsExactly(camille.id().value());
            assertThat(count(connection, "grant_withdrawals")).isZero();
            assertThat(count(connection, "recipient_declarations")).as("declarations are vault-wide").isEqualTo(1);
            connection.rollback();

            name(connection, dominique.id().value());
            assertThat(personIds(connection, "grants")).containsExactly(dominique.id().value());
            assertThat(count(connection, "grant_withdrawals")).isEqualTo(1);
            connection.rollback();
        }
    }

    @Test
    void aSignInSeesOnlyTheIdentityItNamesAndAPersonOnlyTheirOwn(@TempDir Path folder) throws SQLException {
        String url = TestPostgres.get().newDatabase();
        String university = "https://login.university.example/";
        Person camille;
        Person dominique;
        try (Vault vault = TestVaults.createInDatabase(folder, url)) {
            camille = TestVaults.camille(vault);
            dominique = vault.people().create("dominique", TestVaults.PARIS);
            vault.identities().link(camille.id(), university, "c-1");
            vault.identities().link(dominique.id(), university, "d-1");
        }

        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            assertThat(count(connection, "person_identities")).as("naming nobody").isZero();
            connection.rollback();

            nameIdentity(connection, university, "d-1");
            assertThat(personIds(connection, "person_identities")).as("naming dominique's identity")
                    .containsExactly(dominique.id().value());
            connection.rollback();

            nameIdentity(connection, university, "d-");
            assertThat(count(connection, "person_identities")).as("naming an identity nobody has").isZero();
            connection.rollback();

            name(connection, camille.id().value());
            assertThat(personIds(connection, "person_identities")).containsExactly(camille.id().value());
            long other = dominique.id().value();
            assertThatThrownBy(() -> connection.createStatement().execute(
                    "INSERT INTO person_identities (person_id, issuer, subject, linked_at) VALUES (" + other
                            + ", 'https://id.city.example/', 'd-2', 0)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            connection.rollback();
        }
    }

    private static void nameIdentity(Connection connection, String issuer, String subject) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config('selfdata.identity_issuer', ?, true), set_config('selfdata.identity_subject', ?, true)")) {
            statement.setString(1, issuer);
            statement.setString(2, subject);
            statement.execute();
        }
    }

    private static void name(Connection connection, long person) throws SQLException {
        PersonScope.name(connection, PersonId.of(person));
    }

    private static List<Long> personIds(Connection connection, String table) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT DISTINCT person_id FROM " + table)) {
            java.util.ArrayList<Long> ids = new java.util.ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            return ids;
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
