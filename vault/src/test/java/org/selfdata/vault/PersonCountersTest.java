package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A person's counters (the next numbers imports take, how many times their records changed), kept in a table of their
 * own since migration 19: carried over from the vault before it, made for a person at their first need, gone with them.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class PersonCountersTest {
    private static final List<String> COUNTERS = List.of("next_source_id", "next_batch_id", "next_record_id");

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;

    PersonCountersTest(Engine engine) {
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
        camille = fixture.camille();
    }

    @Test
    void aVaultOfTheVersionBeforeKeepsNumberingAfterItsLastSourceBatchAndRecordOnceMigrated() {
        ImportBatch first = importPoints(0, 30);
        ImportBatch bank = vault.imports().write(camille.id(),
                new ImportRequest(SyntheticRecords.BANK, "ofx", "releve.ofx"), Stream.of(SyntheticRecords.coffee(
                        java.time.LocalDate.of(2025, 1, 6), 1)));
        long lastNumber = numbers().stream().mapToLong(Long::longValue).max().orElseThrow();
        long changes = vault.records().changes(camille.id());
        TestVaults.behindTheVault(vault, camille.id(), connection -> asVersionEighteenKeptThem(connection, camille.id()));
        assertThat(columnsOfPersons()).as("the counters are back in persons, as version 18 kept them")
                .containsAll(COUNTERS).contains("records_changed");

        try (Vault migrated = reopened()) {
            ImportBatch second = migrated.imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY,
                    "google-records", "Records-2.json"), LongStream.range(30, 40).mapToObj(SyntheticRecords::point));

            assertThat(second.added()).isEqualTo(10);
            assertThat(second.source()).isEqualTo(first.source());
            assertThat(second.id().value()).isEqualTo(bank.id().value() + 1);
            assertThat(migrated.records().changes(camille.id())).isEqualTo(changes + 1);
            try (Stream<StoredRecord> records = migrated.records().read(camille.id(), RecordQuery.all())) {
                assertThat(records.filter(record -> record.provenance().batch().equals(second.id()))
                        .map(record -> record.id().number()))
                        .hasSize(10)
                        .allSatisfy(number -> assertThat(number).isGreaterThan(lastNumber));
            }
            ImportBatch newSource = migrated.imports().write(camille.id(), new ImportRequest(
                    org.selfdata.model.SourceDescriptor.file("Strava", "Activities"), "google-records", "strava.json"),
                    Stream.of(SyntheticRecords.point(99)));
            assertThat(newSource.source().value()).isEqualTo(bank.source().value() + 1);
        }
        assertThat(columnsOfPersons()).as("persons no longer carries them").doesNotContainAnyElementsOf(COUNTERS)
                .doesNotContain("records_changed");
        vault.location().postgres().ifPresent(postgres -> {
            assertThat(counterRows(camille.id())).isEqualTo(1);
            assertThat(rowsSeenNamingNobody(postgres.jdbcUrl())).as("the moved counters, bound by row-level security").isZero();
        });
    }

    @Test
    void aPersonAddedSinceTakesTheFirstNumbersAtTheirFirstImportAndHasSeenNoChangeBefore() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);

        assertThat(vault.records().changes(dominique.id())).isZero();
        assertThat(counterRows(dominique.id())).as("no row until one is needed").isZero();
        ImportBatch batch = vault.imports().write(dominique.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY,
                "google-records", "Records.json"), SyntheticRecords.points(5));

        assertThat(batch.id().value()).isEqualTo(1);
        assertThat(batch.source().value()).isEqualTo(1);
        try (Stream<StoredRecord> records = vault.records().read(dominique.id(), RecordQuery.all())) {
            assertThat(records.map(record -> record.id().number())).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        }
        assertThat(vault.records().changes(dominique.id())).isEqualTo(1);
        assertThat(counterRows(dominique.id())).isEqualTo(1);
    }

    @Test
    void nobodyIsNotFoundRatherThanUnchanged() {
        PersonId nobody = PersonId.of(camille.id().value() + 1000);

        assertThatThrownBy(() -> vault.records().changes(nobody))
                .isInstanceOf(SelfdataException.class)
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThatThrownBy(() -> vault.imports().write(nobody, new ImportRequest(SyntheticRecords.LOCATION_HISTORY,
                "google-records", "Records.json"), SyntheticRecords.points(5)))
                .isInstanceOf(SelfdataException.class)
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(counterRows(nobody)).isZero();
    }

    @Test
    void erasingAPersonErasesTheirCounters() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        vault.imports().write(dominique.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records",
                "Records.json"), SyntheticRecords.points(5));
        importPoints(0, 3);

        vault.erasure().erasePerson(dominique.id());

        assertThat(counterRows(dominique.id())).isZero();
        assertThat(counterRows(camille.id())).isEqualTo(1);
        assertThat(vault.records().changes(camille.id())).isEqualTo(1);
    }

    /**
     * Undoes migration 19 behind the vault's back, for the person the connection names: their counters back in columns
     * of persons, the table gone, the migration forgotten, as a vault of version 18 kept them. On Citus the counters are
     * read for that person alone before persons, a table copied to every node, is written: a transaction that read every
     * shard at once may no longer write to it.
     */
    static void asVersionEighteenKeptThem(Connection connection, PersonId person) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String column : COUNTERS) {
                statement.executeUpdate("ALTER TABLE persons ADD COLUMN " + column + " BIGINT NOT NULL DEFAULT 1");
            }
            statement.executeUpdate("ALTER TABLE persons ADD COLUMN records_changed BIGINT NOT NULL DEFAULT 0");
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT next_source_id, next_batch_id, next_record_id, "
                + "records_changed FROM person_counters WHERE person_id = ?");
             PreparedStatement update = connection.prepareStatement("UPDATE persons SET next_source_id = ?, next_batch_id = ?, "
                     + "next_record_id = ?, records_changed = ? WHERE person_id = ?")) {
            select.setLong(1, person.value());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    for (int column = 1; column <= 4; column++) {
                        update.setLong(column, row.getLong(column));
                    }
                    update.setLong(5, person.value());
                    update.executeUpdate();
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DROP TABLE person_counters");
            statement.executeUpdate("DELETE FROM vault_schema_history WHERE version = '19'");
        }
    }

    private ImportBatch importPoints(long from, long to) {
        return vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records",
                "Records.json"), LongStream.range(from, to).mapToObj(SyntheticRecords::point));
    }

    private List<Long> numbers() {
        return fixture.readAll().stream().map(record -> record.id().number()).toList();
    }

    private Vault reopened() {
        VaultLocation location = vault.location();
        vault.close();
        return Vault.open(location, TestVaults.keyFile(fixture.folder()));
    }

    private List<String> columnsOfPersons() {
        List<String> columns = new ArrayList<>();
        behindTheVault(connection -> {
            try (ResultSet rows = connection.getMetaData().getColumns(null, null, "persons", null)) {
                while (rows.next()) {
                    columns.add(rows.getString("COLUMN_NAME"));
                }
            }
        });
        return columns;
    }

    /** The person's rows of counters, as a session naming them sees them. */
    private long counterRows(PersonId person) {
        long[] count = new long[1];
        TestVaults.behindTheVault(vault, person, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT count(*) FROM person_counters WHERE person_id = ?")) {
                select.setLong(1, person.value());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    count[0] = rows.getLong(1);
                }
            }
        });
        return count[0];
    }

    private static long rowsSeenNamingNobody(String url) {
        try (Connection connection = java.sql.DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM person_counters")) {
            rows.next();
            return rows.getLong(1);
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void behindTheVault(TestVaults.BehindTheVault work) {
        TestVaults.behindTheVault(vault, camille.id(), work);
    }
}
