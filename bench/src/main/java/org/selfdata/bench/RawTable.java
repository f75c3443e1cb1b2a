package org.selfdata.bench;

import org.selfdata.model.PayloadCodec;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.PersonScope;
import org.selfdata.vault.VaultLocation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * The baselines: the same rows written and read with plain JDBC on the vault's own table, with nothing sealed and
 * nothing opened. The statements have the same shape as the vault's (constants written in, six values bound per row,
 * batches of a thousand), so what differs is what selfdata adds: encoding, fingerprints, sealing, opening.
 */
final class RawTable {
    private RawTable() {}

    static Connection connect(VaultLocation location) throws SQLException {
        if (location.postgres().isEmpty()) {
            // Like the vault's own connections: checkpoints happen on the vault's thread, not in this commit.
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + location.databaseFile());
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_autocheckpoint=0");
            }
            return connection;
        }
        VaultLocation.PostgresDatabase postgres = location.postgres().get();
        Properties properties = new Properties();
        postgres.user().ifPresent(user -> properties.setProperty("user", user));
        postgres.password().ifPresent(password -> properties.setProperty("password", password));
        return DriverManager.getConnection(postgres.jdbcUrl(), properties);
    }

    /**
     * Folds the vault's write-ahead log into its database before a measurement, so that each starts from the same state
     * rather than with the previous one's log still to copy (the vault does that on a background thread when idle).
     */
    static void settle(Connection connection) throws SQLException {
        if (connection.getMetaData().getURL().startsWith("jdbc:sqlite:")) {
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
    }

    /** Inserts the drafts unsealed for a person, in one transaction; returns how long it took in nanoseconds. */
    static long insert(Connection connection, PersonId person, List<RecordDraft> drafts) throws SQLException {
        connection.setAutoCommit(false);
        scope(connection, person);
        String sql = "INSERT INTO records (person_id, type, time_start, record_number, source_id, batch_id, category, time_end, "
                + "fingerprint, occurrence, version, payload) VALUES (" + person.value() + ", 'geo.point', ?, ?, 1, 1, "
                + "'pd:GPSCoordinate', ?, ?, 1, 1, ?) ON CONFLICT DO NOTHING";
        long started = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            long number = 0;
            for (RecordDraft draft : drafts) {
                number++;
                // The benchmark's location points always have a time.
                TimeSpan time = draft.time().span().orElseThrow();
                insert.setLong(1, time.startMillis());
                insert.setLong(2, number);
                insert.setLong(3, time.endMillis());
                insert.setLong(4, number);
                insert.setBytes(5, PayloadCodec.encode(draft.payload()));
                insert.addBatch();
                if (number % 1_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
        long took = System.nanoTime() - started;
        connection.setAutoCommit(true);
        return took;
    }

    /** Reads a person's rows of one type in the vault's order, every column the vault reads; returns the row count. */
    static long select(Connection connection, PersonId person) throws SQLException {
        connection.setAutoCommit(false);
        scope(connection, person);
        long rows = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT time_start, record_number, source_id, batch_id, "
                + "category, time_end, occurrence, version, payload FROM records WHERE person_id = ? AND type = 'geo.point' "
                + "ORDER BY time_start, record_number")) {
            select.setLong(1, person.value());
            select.setFetchSize(2_000);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    result.getLong(1);
                    result.getLong(2);
                    result.getLong(3);
                    result.getLong(4);
                    result.getString(5);
                    result.getLong(6);
                    result.getInt(7);
                    result.getInt(8);
                    result.getBytes(9);
                    rows++;
                }
            }
        }
        connection.rollback();
        connection.setAutoCommit(true);
        return rows;
    }

    private static void scope(Connection connection, PersonId person) throws SQLException {
        if (connection.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
            PersonScope.name(connection, person);
        }
    }
}
