package org.selfdata.vault;

import org.selfdata.model.BatchId;
import org.selfdata.model.Category;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.PrivateFiles;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceId;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Where an import's rows wait, sealed, until it publishes them all in one short transaction: an import of a large file
 * takes minutes to read and seal, and while it stages nothing waits for it. A person's reads, each with its log entry,
 * and every other write go on; the import stays all or nothing, its records, quarantine and log entry landing together
 * when it publishes.
 *
 * <p>On SQLite, which lets one writer in at a time, the rows are staged in a database file of the import's own,
 * attached to a connection of its own, in the vault's in-progress folder (0600, deleted when the import ends, or at the
 * next start after a kill; it holds sealed rows only, as the vault does). Staging reads the vault to tell duplicates
 * but never writes it, so it takes no lock; publishing waits for its turn among writers like any transaction. On
 * PostgreSQL the rows are staged in temporary tables of the import's transaction, which takes no row lock until it
 * publishes; imports of one person take turns on an advisory lock, on every server sharing the database.
 *
 * <p>A record is staged unless the vault or the import already holds it; at publication every staged row must still be
 * new, or the import is refused as overlapping one that finished meanwhile, and changes nothing.
 */
final class ImportStaging implements AutoCloseable {
    /** Keeps the advisory locks of imports apart from any other use of PostgreSQL's advisory locks. */
    private static final long IMPORT_LOCKS = 0x7365_6c66_0000_0000L;

    private final Database database;
    private final PersonId person;
    private final Connection connection;
    private final Path file;

    private ImportStaging(Database database, PersonId person, Connection connection, Path file) {
        this.database = database;
        this.person = person;
        this.connection = connection;
        this.file = file;
    }

    /** Begins staging an import of the person's, with its staging file in {@code folder} on SQLite. */
    static ImportStaging open(Database database, PersonId person, Path folder) {
        requireNonNull(person, "person is null");
        Connection connection = database.importConnection();
        Path file = folder.resolve("import-" + UUID.randomUUID() + ".db");
        ImportStaging staging = new ImportStaging(database, person, connection, file);
        try {
            if (database.isPostgres()) {
                connection.setAutoCommit(false);
                database.scope(connection, person);
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, IMPORT_LOCKS + person.value());
                    lock.executeQuery().close();
                }
                createTables(connection, true);
            }
            else {
                PrivateFiles.createFolder(folder);
                PrivateFiles.createFile(file);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ATTACH DATABASE '" + file.toString().replace("'", "''") + "' AS staging");
                    // Scratch: a kill leaves the file to be deleted at the next start, so it needs no durability.
                    statement.execute("PRAGMA staging.journal_mode=MEMORY");
                    statement.execute("PRAGMA staging.synchronous=OFF");
                    statement.execute("PRAGMA staging.cache_size=-16384");
                }
                createTables(connection, false);
                connection.setAutoCommit(false);
            }
            return staging;
        }
        catch (SQLException e) {
            staging.close();
            throw Database.failure(e, Wording.of("error.vault.doing.startingImport"));
        }
        catch (IOException e) {
            staging.close();
            throw new SelfdataException(ErrorCode.STORAGE_UNAVAILABLE,
                    Wording.of("error.vault.stagingUnwritable", folder.toString()), e);
        }
    }

    /**
     * On PostgreSQL, temporary tables of the transaction; on SQLite, tables of the staging file, its records kept in the
     * order of the vault's records table, so that publishing reads them in that order and appends to that table rather
     * than inserting here and there.
     */
    private static void createTables(Connection connection, boolean postgres) throws SQLException {
        String create = postgres ? "CREATE TEMPORARY TABLE " : "CREATE TABLE staging.";
        String bytes = postgres ? "BYTEA" : "BLOB";
        String ending = postgres ? ") ON COMMIT DROP" : ")";
        try (Statement statement = connection.createStatement()) {
            statement.execute(create + "staged_records (batch_id BIGINT NOT NULL, source_id BIGINT NOT NULL, "
                    + "type TEXT NOT NULL, category TEXT NOT NULL, time_start BIGINT NOT NULL, record_number BIGINT NOT NULL, "
                    + "time_end BIGINT NOT NULL, fingerprint BIGINT NOT NULL, occurrence INTEGER NOT NULL, "
                    + "payload " + bytes + " NOT NULL, UNIQUE (source_id, time_start, fingerprint, occurrence)"
                    + (postgres ? ending : ", PRIMARY KEY (batch_id, type, time_start, record_number)) WITHOUT ROWID"));
            statement.execute(create + "staged_rejects (batch_id BIGINT NOT NULL, reject_number BIGINT NOT NULL, "
                    + "sealed " + bytes + " NOT NULL, text " + bytes + ", fingerprint BIGINT NOT NULL UNIQUE" + ending);
        }
    }

    Connection connection() {
        return connection;
    }

    /**
     * Stages one file: on failure what it staged is undone and the failure rethrown, and the files staged before it
     * stay staged.
     */
    <T> T file(SqlWork<T> work) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            T result = work.run(connection);
            connection.releaseSavepoint(savepoint);
            return result;
        }
        catch (SQLException | RuntimeException | Error e) {
            try {
                connection.rollback(savepoint);
            }
            catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    /**
     * The statement that stages a run of records of one type and category, bound as {@link RecordRows#bindForBatch}
     * binds a record: one row staged, or none when the vault or this import holds the record already. A source this
     * import makes holds nothing in the vault yet, so its records are looked for in this import alone.
     */
    static String stageRecord(PersonId person, SourceId source, boolean newSource, BatchId batch, RecordType type,
            Category category) {
        return "INSERT INTO staged_records (batch_id, source_id, type, category, time_start, record_number, time_end, "
                + "fingerprint, occurrence, payload) SELECT " + batch.value() + ", " + source.value() + ", '" + type.id()
                + "', '" + category.term() + "', item.time_start, item.record_number, item.time_end, item.fingerprint, "
                + "item.occurrence, item.payload FROM (SELECT ? AS time_start, ? AS record_number, ? AS time_end, "
                + "? AS fingerprint, ? AS occurrence, ? AS payload) AS item WHERE "
                + (newSource ? "TRUE" : "NOT EXISTS (SELECT 1 FROM records WHERE records.person_id = " + person.value()
                        + " AND records.source_id = " + source.value() + " AND records.time_start = item.time_start "
                        + "AND records.fingerprint = item.fingerprint AND records.occurrence = item.occurrence)")
                + " ON CONFLICT DO NOTHING";
    }

    /**
     * The statement that stages a rejection, bound as {@link Quarantine#bind} binds one: one row staged, or none when
     * the vault's quarantine or this import holds the rejection already.
     */
    static final String STAGE_REJECT = "INSERT INTO staged_rejects (batch_id, reject_number, sealed, text, fingerprint) "
            + "SELECT item.batch_id, item.reject_number, item.sealed, item.text, item.fingerprint FROM (SELECT ? AS person_id, "
            + "? AS batch_id, ? AS reject_number, ? AS sealed, ? AS text, ? AS fingerprint) AS item WHERE NOT EXISTS "
            + "(SELECT 1 FROM rejects WHERE rejects.person_id = item.person_id AND rejects.fingerprint = item.fingerprint) "
            + "ON CONFLICT DO NOTHING";

    /**
     * Publishes what was staged: the work runs in one short write transaction on this connection, which sees the staged
     * rows, and is committed with them; or nothing is.
     */
    <T> T publish(SqlWork<T> work) throws SQLException {
        if (database.isPostgres()) {
            T result = work.run(connection);
            connection.commit();
            return result;
        }
        // Staging is over; the publishing transaction is begun for writing at once, so that it reads the vault as it is
        // now, not as staging last read it.
        connection.commit();
        connection.setAutoCommit(true);
        return database.inWriterTurn(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                try {
                    T result = work.run(connection);
                    statement.execute("COMMIT");
                            return result;
                }
                catch (SQLException | RuntimeException | Error e) {
                    try {
                        statement.execute("ROLLBACK");
                    }
                    catch (SQLException rollback) {
                        e.addSuppressed(rollback);
                    }
                    throw e;
                }
            }
        });
    }

    /** Moves one staged batch's records into the vault; the number moved. */
    long publishRecords(BatchId batch) throws SQLException {
        return executeUpdate("INSERT INTO records (person_id, type, time_start, record_number, source_id, batch_id, category, "
                + "time_end, fingerprint, occurrence, version, payload) SELECT " + person.value() + ", type, time_start, "
                + "record_number, source_id, batch_id, category, time_end, fingerprint, occurrence, 1, payload "
                + "FROM staged_records WHERE batch_id = " + batch.value() + " ON CONFLICT DO NOTHING");
    }

    /** Moves one staged batch's rejections into its quarantine; the number moved. */
    long publishRejects(BatchId batch) throws SQLException {
        return executeUpdate("INSERT INTO rejects (person_id, batch_id, reject_number, sealed, text, fingerprint) SELECT "
                + person.value() + ", batch_id, reject_number, sealed, text, fingerprint FROM staged_rejects "
                + "WHERE batch_id = " + batch.value() + " ON CONFLICT DO NOTHING");
    }

    private long executeUpdate(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeLargeUpdate(sql);
        }
    }

    /** Ends the import: what was not published is dropped, and on SQLite the staging file deleted. */
    @Override
    public void close() {
        database.closeImportConnection(connection);
        if (!database.isPostgres()) {
            try {
                Files.deleteIfExists(file);
            }
            catch (IOException e) {
                // The next start of selfdata on this vault removes it with the other leftovers of the in-progress folder.
            }
        }
    }
}
