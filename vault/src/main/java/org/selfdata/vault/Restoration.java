package org.selfdata.vault;

import org.jooq.DSLContext;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordHistory;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.Source;
import org.selfdata.model.SourceId;
import org.selfdata.model.StoredRecord;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.ADDED;
import static org.selfdata.vault.VaultTables.BATCH_ID;
import static org.selfdata.vault.VaultTables.CATEGORY;
import static org.selfdata.vault.VaultTables.DUPLICATES;
import static org.selfdata.vault.VaultTables.FILE_NAME;
import static org.selfdata.vault.VaultTables.FINISHED_AT;
import static org.selfdata.vault.VaultTables.FORMAT;
import static org.selfdata.vault.VaultTables.IMPORT_BATCHES;
import static org.selfdata.vault.VaultTables.NEXT_BATCH_ID;
import static org.selfdata.vault.VaultTables.NEXT_RECORD_ID;
import static org.selfdata.vault.VaultTables.NEXT_SOURCE_ID;
import static org.selfdata.vault.VaultTables.PAYLOAD;
import static org.selfdata.vault.VaultTables.PERSONS;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.RECORD_ID;
import static org.selfdata.vault.VaultTables.RECORD_VERSIONS;
import static org.selfdata.vault.VaultTables.REJECTED;
import static org.selfdata.vault.VaultTables.SOURCES;
import static org.selfdata.vault.VaultTables.SOURCE_ID;
import static org.selfdata.vault.VaultTables.STARTED_AT;
import static org.selfdata.vault.VaultTables.SUPERSEDED_AT;
import static org.selfdata.vault.VaultTables.TIME_END;
import static org.selfdata.vault.VaultTables.TIME_START;
import static org.selfdata.vault.VaultTables.VERSION;

/**
 * Writes an exported person back into an empty vault, keeping every id, occurrence and version, so that exporting
 * again gives the same archive. Sources get fresh keys: keys never leave a vault. It is one transaction, so a
 * restore cut short leaves the person as empty as before.
 */
public final class Restoration {
    /** Receives the archive's contents in order: sources first, then batches, then records. */
    public interface Writer {
        void source(Source source);

        void batch(ImportBatch batch);

        void record(RecordHistory record);
    }

    private final Database database;
    private final Keyring keyring;

    Restoration(Database database, Keyring keyring) {
        this.database = requireNonNull(database, "database is null");
        this.keyring = requireNonNull(keyring, "keyring is null");
    }

    /** Restores into a person who holds nothing yet; {@code body} feeds the writer from the archive. */
    public void restore(PersonId person, Consumer<Writer> body) {
        database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            int sources = dsl.fetchCount(SOURCES, PERSON_ID.eq(person.value()));
            if (sources > 0) {
                throw new SelfdataException(ErrorCode.CONFLICT, "a restore needs an empty vault, and this person already holds "
                        + sources + " source(s); restore into a new vault, or erase them first");
            }
            try (PreparedStatement insert = connection.prepareStatement(Imports.INSERT_RECORD)) {
                RestoringWriter writer = new RestoringWriter(dsl, connection, insert, person);
                body.accept(writer);
                writer.finish();
            }
            return null;
        });
    }

    private final class RestoringWriter implements Writer {
        private static final int JDBC_BATCH = 1_000;

        private final DSLContext dsl;
        private final Connection connection;
        private final PreparedStatement insert;
        private final PersonId person;
        private final Map<SourceId, SourceKeys> keys = new HashMap<>();
        private long nextSource = 1;
        private long nextBatch = 1;
        private long nextRecord = 1;
        private int pending;

        RestoringWriter(DSLContext dsl, Connection connection, PreparedStatement insert, PersonId person) {
            this.dsl = dsl;
            this.connection = connection;
            this.insert = insert;
            this.person = person;
        }

        @Override
        public void source(Source source) {
            Imports.insertSource(dsl, person, source);
            keys.put(source.id(), keyring.create(dsl, person, source.id(), source.createdAt().toEpochMilli()));
            nextSource = Math.max(nextSource, source.id().value() + 1);
        }

        @Override
        public void batch(ImportBatch batch) {
            dsl.insertInto(IMPORT_BATCHES)
                    .set(PERSON_ID, person.value())
                    .set(BATCH_ID, batch.id().value())
                    .set(SOURCE_ID, batch.source().value())
                    .set(FORMAT, batch.format())
                    .set(FILE_NAME, keysOf(batch.source()).seal(batch.fileName().getBytes(StandardCharsets.UTF_8),
                            AssociatedData.batchFileName(person, batch.id())))
                    .set(STARTED_AT, batch.startedAt().toEpochMilli())
                    .set(FINISHED_AT, batch.finishedAt().toEpochMilli())
                    .set(ADDED, batch.added())
                    .set(DUPLICATES, batch.duplicates())
                    .set(REJECTED, batch.rejected())
                    .execute();
            nextBatch = Math.max(nextBatch, batch.id().value() + 1);
        }

        @Override
        public void record(RecordHistory history) {
            StoredRecord current = history.current();
            SourceKeys sourceKeys = keysOf(current.provenance().source());
            // The fingerprint is the original's, as it was at import: a rectified record must still match its file.
            StoredRecord original = history.original();
            byte[] fingerprint = sourceKeys.fingerprint(RecordContent.canonical(original.type(), original.time(), original.payloadJson()));
            RecordDraft draft = new RecordDraft(current.time(), PayloadCodec.decode(current.type(), current.payloadJson()),
                    current.category(), current.provenance().position());
            try {
                RecordRows.bindInsert(insert, person, current.id(), current.provenance().source(), current.provenance().batch(), draft,
                        fingerprint, current.occurrence(), current.version(),
                        sourceKeys.seal(current.payloadJson(), AssociatedData.record(person, current.id(), current.version(), current.type())));
                insert.addBatch();
                if (++pending == JDBC_BATCH) {
                    flush();
                }
            }
            catch (SQLException e) {
                throw Database.failure(e, "restoring records");
            }
            for (RecordHistory.Superseded superseded : history.earlier()) {
                StoredRecord version = superseded.version();
                dsl.insertInto(RECORD_VERSIONS)
                        .set(PERSON_ID, person.value())
                        .set(RECORD_ID, version.id().value())
                        .set(VERSION, version.version())
                        .set(SOURCE_ID, version.provenance().source().value())
                        .set(CATEGORY, version.category().term())
                        .set(TIME_START, version.time().startMillis())
                        .set(TIME_END, version.time().endMillis())
                        .set(PAYLOAD, sourceKeys.seal(version.payloadJson(),
                                AssociatedData.record(person, version.id(), version.version(), version.type())))
                        .set(SUPERSEDED_AT, superseded.supersededAt().toEpochMilli())
                        .execute();
            }
            nextRecord = Math.max(nextRecord, current.id().value() + 1);
        }

        void finish() throws SQLException {
            flush();
            dsl.update(PERSONS)
                    .set(NEXT_SOURCE_ID, nextSource)
                    .set(NEXT_BATCH_ID, nextBatch)
                    .set(NEXT_RECORD_ID, nextRecord)
                    .where(PERSON_ID.eq(person.value()))
                    .execute();
        }

        private void flush() throws SQLException {
            if (pending == 0) {
                return;
            }
            long inserted = RecordRows.inserted(insert.executeBatch());
            if (inserted != pending) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT, "the archive holds the same record twice; it was not written by "
                        + "selfdata export, or was altered");
            }
            pending = 0;
        }

        private SourceKeys keysOf(SourceId source) {
            SourceKeys sourceKeys = keys.get(source);
            if (sourceKeys == null) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT, "the archive refers to source " + source + " before listing it");
            }
            return sourceKeys;
        }
    }
}
