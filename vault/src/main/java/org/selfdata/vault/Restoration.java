package org.selfdata.vault;

import com.nimbusds.jose.jwk.ECKey;
import org.jooq.DSLContext;
import org.selfdata.model.BatchId;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.PersonId;
import org.selfdata.model.PlaceCorrection;
import org.selfdata.model.RecurringCorrection;
import org.selfdata.model.RecordHistory;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.Source;
import org.selfdata.model.SourceId;
import org.selfdata.model.StoredRecord;
import org.selfdata.texts.Wording;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.BATCH_ID;
import static org.selfdata.vault.VaultTables.CATEGORY;
import static org.selfdata.vault.VaultTables.CSV_MAPPINGS;
import static org.selfdata.vault.VaultTables.FINGERPRINT;
import static org.selfdata.vault.VaultTables.PAYLOAD;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.PLACE_CORRECTIONS;
import static org.selfdata.vault.VaultTables.RECURRING_CORRECTIONS;
import static org.selfdata.vault.VaultTables.RECORD_NUMBER;
import static org.selfdata.vault.VaultTables.RECORD_VERSIONS;
import static org.selfdata.vault.VaultTables.RIGHTS_ORGANIZATIONS;
import static org.selfdata.vault.VaultTables.RIGHTS_REQUESTS;
import static org.selfdata.vault.VaultTables.RIGHTS_SETTINGS;
import static org.selfdata.vault.VaultTables.SOURCES;
import static org.selfdata.vault.VaultTables.SOURCE_ID;
import static org.selfdata.vault.VaultTables.REJECTS;
import static org.selfdata.vault.VaultTables.REJECT_NUMBER;
import static org.selfdata.vault.VaultTables.REJECT_TEXT;
import static org.selfdata.vault.VaultTables.SEALED;
import static org.selfdata.vault.VaultTables.SUPERSEDED_AT;
import static org.selfdata.vault.VaultTables.VERSION;

/**
 * Writes an exported person back into an empty vault, keeping every id, occurrence and version, so that exporting
 * again gives the same archive. Sources get fresh keys: keys never leave a vault. It is one transaction, so a
 * restore cut short leaves the person as empty as before.
 */
public final class Restoration {
    /**
     * Receives the archive's contents in order: sources first, then batches, then quarantines, then records, then
     * the recipients the person's grants name, the grants and their receipts, then the CSV mappings, then the rights
     * desk's organizations, requests, their documents and settings, then the corrections of places, then the log.
     */
    public interface Writer {
        void source(Source source);

        void batch(ImportBatch batch);

        /** One record of the quarantine of a batch already written. */
        void reject(BatchId batch, QuarantinedRecord reject);

        void record(RecordHistory record);

        /**
         * A recipient the person's grants name, with its declarations up to the newest they point at: matched with the
         * vault's recipient of the same id, which must be the same in every respect, or brought back as evidence,
         * admitted only when the operator restores it.
         */
        void recipient(Recipients.Registration recipient);

        /** A grant with its original id, times and withdrawal; after the recipient it names. */
        void grant(Grant grant);

        /** A receipt of a grant already written, exactly as signed, with the public key that signed it. */
        void receipt(GrantId grant, ConsentReceiptArchive.KeptReceipt receipt, ECKey signer);

        /** A CSV mapping, by the layout it reads, with the time it was saved. */
        void csvMapping(SavedText mapping);

        /** An organization the person added to the rights desk's directory or corrected in it, by its slug. */
        void rightsOrganization(SavedText organization);

        /** A rights request with its original id, its steps in order and their times, without their documents. */
        void rightsRequest(RightsRequests.KeptRequest request);

        /** A document of a step of a request already written, its bytes those its step lists. */
        void rightsDocument(RightsRequests.KeptDocument document);

        /** A setting of the rights desk. */
        void rightsSetting(SavedText setting);

        /** Every correction the person made of the places found in their locations, in the order they made them. */
        void placeCorrections(List<PlaceCorrection> corrections);

        /** Every correction the person made of the payments and income found coming back, in the order they made them. */
        void recurringCorrections(List<RecurringCorrection> corrections);

        /** One entry of the transparency log, as the archive holds it; after the records, in the log's order. */
        void logEntry(byte[] leaf);
    }

    private final Database database;
    private final Keyring keyring;
    private final TransparencyLog log;
    private final String vaultKeyId;
    private final Clock clock;
    private final CsvMappings csvMappings;
    private final RightsOrganizations rightsOrganizations;
    private final RightsRequests rightsRequests;
    private final PlaceCorrections placeCorrections;
    private final RecurringCorrections recurringCorrections;

    Restoration(Database database, Keyring keyring, TransparencyLog log, String vaultKeyId, Clock clock,
            CsvMappings csvMappings, RightsOrganizations rightsOrganizations, RightsRequests rightsRequests,
            PlaceCorrections placeCorrections, RecurringCorrections recurringCorrections) {
        this.database = requireNonNull(database, "database is null");
        this.keyring = requireNonNull(keyring, "keyring is null");
        this.log = requireNonNull(log, "log is null");
        this.vaultKeyId = requireNonNull(vaultKeyId, "vaultKeyId is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.csvMappings = requireNonNull(csvMappings, "csvMappings is null");
        this.rightsOrganizations = requireNonNull(rightsOrganizations, "rightsOrganizations is null");
        this.rightsRequests = requireNonNull(rightsRequests, "rightsRequests is null");
        this.placeCorrections = requireNonNull(placeCorrections, "placeCorrections is null");
        this.recurringCorrections = requireNonNull(recurringCorrections, "recurringCorrections is null");
    }

    /** Restores into a person who holds nothing yet; {@code body} feeds the writer from the archive. */
    public void restore(PersonId person, Consumer<Writer> body) {
        database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            int sources = dsl.fetchCount(SOURCES, PERSON_ID.eq(person.value()));
            if (sources > 0) {
                throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.vault.restoreNotEmpty", sources));
            }
            if (keepsAnyText(dsl, person)) {
                throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.vault.restoreDeskNotEmpty"));
            }
            try (PreparedStatement insert = connection.prepareStatement(RecordRows.INSERT_ANY)) {
                RestoringWriter writer = new RestoringWriter(dsl, insert, person, log.copy(connection, person),
                        new SharingRestoration(dsl, person, vaultKeyId, clock.instant()));
                body.accept(writer);
                writer.finish();
                Counters.recordsChanged(dsl, person);
                log.append(connection, person, List.of(writer.logEntry()));
            }
            return null;
        });
    }

    /**
     * A person without sources may still have begun with the rights desk, made a CSV mapping or corrected a place or a
     * payment.
     */
    private static boolean keepsAnyText(DSLContext dsl, PersonId person) {
        return dsl.fetchExists(RIGHTS_REQUESTS, PERSON_ID.eq(person.value()))
                || dsl.fetchExists(RIGHTS_ORGANIZATIONS, PERSON_ID.eq(person.value()))
                || dsl.fetchExists(RIGHTS_SETTINGS, PERSON_ID.eq(person.value()))
                || dsl.fetchExists(CSV_MAPPINGS, PERSON_ID.eq(person.value()))
                || dsl.fetchExists(PLACE_CORRECTIONS, PERSON_ID.eq(person.value()))
                || dsl.fetchExists(RECURRING_CORRECTIONS, PERSON_ID.eq(person.value()));
    }

    private final class RestoringWriter implements Writer {
        private static final int JDBC_BATCH = 1_000;

        private final DSLContext dsl;
        private final PreparedStatement insert;
        private final PersonId person;
        private final Map<SourceId, SourceKeys> keys = new HashMap<>();
        private final Map<BatchId, SourceId> batchSources = new HashMap<>();
        private final CoverageTally coverage = new CoverageTally();
        private long nextSource = 1;
        private long nextBatch = 1;
        private long nextRecord = 1;
        private int pending;
        private long restored;

        private final TransparencyLog.Copy logCopy;
        private final SharingRestoration sharing;

        RestoringWriter(DSLContext dsl, PreparedStatement insert, PersonId person, TransparencyLog.Copy logCopy,
                        SharingRestoration sharing) {
            this.dsl = dsl;
            this.insert = insert;
            this.person = person;
            this.logCopy = logCopy;
            this.sharing = sharing;
        }

        @Override
        public void recipient(Recipients.Registration recipient) {
            sharing.recipient(recipient);
        }

        @Override
        public void grant(Grant grant) {
            sharing.grant(grant);
        }

        @Override
        public void receipt(GrantId grant, ConsentReceiptArchive.KeptReceipt receipt, ECKey signer) {
            sharing.receipt(grant, receipt, signer);
        }

        @Override
        public void csvMapping(SavedText mapping) {
            csvMappings.restore(dsl, person, mapping);
        }

        @Override
        public void rightsOrganization(SavedText organization) {
            rightsOrganizations.restore(dsl, person, organization);
        }

        @Override
        public void rightsRequest(RightsRequests.KeptRequest request) {
            rightsRequests.restore(dsl, person, request);
        }

        @Override
        public void rightsDocument(RightsRequests.KeptDocument document) {
            rightsRequests.restore(dsl, person, document);
        }

        @Override
        public void rightsSetting(SavedText setting) {
            rightsRequests.restoreSetting(dsl, person, setting);
        }

        @Override
        public void placeCorrections(List<PlaceCorrection> corrections) {
            placeCorrections.restore(dsl, person, corrections);
        }

        @Override
        public void recurringCorrections(List<RecurringCorrection> corrections) {
            recurringCorrections.restore(dsl, person, corrections);
        }

        @Override
        public void logEntry(byte[] leaf) {
            try {
                flush();
                logCopy.add(leaf);
            }
            catch (SQLException e) {
                throw Database.failure(e, Wording.of("error.vault.doing.restoringLog"));
            }
        }

        @Override
        public void source(Source source) {
            Imports.insertSource(dsl, person, source);
            keys.put(source.id(), keyring.create(dsl, person, source.id(), source.createdAt().toEpochMilli()));
            nextSource = Math.max(nextSource, source.id().value() + 1);
        }

        @Override
        public void batch(ImportBatch batch) {
            Imports.insertBatch(dsl, person, batch, keysOf(batch.source()));
            nextBatch = Math.max(nextBatch, batch.id().value() + 1);
            batchSources.put(batch.id(), batch.source());
        }

        @Override
        public void reject(BatchId batch, QuarantinedRecord reject) {
            SourceId source = batchSources.get(batch);
            if (source == null) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT,
                        Wording.of("error.vault.quarantineBatch", Long.toString(batch.value())));
            }
            SealedReject sealed = Quarantine.seal(person, batch, reject.number(), reject.rejection(), keysOf(source));
            // A vault that quarantined the same rejection twice, before rejections had fingerprints, keeps both: the
            // later one without its fingerprint, as it had none.
            boolean held = dsl.fetchExists(REJECTS, PERSON_ID.eq(person.value()).and(FINGERPRINT.eq(sealed.fingerprint())));
            dsl.insertInto(REJECTS)
                    .set(PERSON_ID, person.value())
                    .set(BATCH_ID, batch.value())
                    .set(REJECT_NUMBER, reject.number())
                    .set(SEALED, sealed.sealed())
                    .set(REJECT_TEXT, sealed.text().orElse(null))
                    .set(FINGERPRINT, held ? null : sealed.fingerprint())
                    .execute();
        }

        @Override
        public void record(RecordHistory history) {
            StoredRecord current = history.current();
            SourceId source = current.provenance().source();
            SourceKeys sourceKeys = keysOf(source);
            // The fingerprint is the original's, as it was at import: a rectified record must still match its file.
            StoredRecord original = history.original();
            long fingerprint = sourceKeys.fingerprint(
                    RecordContent.canonical(original.type(), original.time(), original.payloadJson()));
            try {
                insert.setLong(1, person.value());
                insert.setString(2, current.type().id());
                insert.setLong(3, TimeColumns.startMillis(current.time()));
                insert.setLong(4, current.id().number());
                insert.setLong(5, source.value());
                insert.setLong(6, current.provenance().batch().value());
                insert.setString(7, current.category().term());
                insert.setLong(8, TimeColumns.endMillis(current.time()));
                insert.setLong(9, fingerprint);
                insert.setInt(10, current.occurrence());
                insert.setInt(11, current.version());
                insert.setBytes(12, sourceKeys.seal(Envelope.wrap(current.provenance().position(), current.payloadJson()),
                        AssociatedData.record(person, current.id(), current.version())));
                insert.addBatch();
                if (++pending == JDBC_BATCH) {
                    flush();
                }
            }
            catch (SQLException e) {
                throw Database.failure(e, Wording.of("error.vault.doing.restoringRecords"));
            }
            coverage.add(source, current.type(), TimeColumns.startMillis(current.time()),
                    TimeColumns.endMillis(current.time()));
            for (RecordHistory.Superseded superseded : history.earlier()) {
                StoredRecord version = superseded.version();
                dsl.insertInto(RECORD_VERSIONS)
                        .set(PERSON_ID, person.value())
                        .set(RECORD_NUMBER, version.id().number())
                        .set(VERSION, version.version())
                        .set(SOURCE_ID, source.value())
                        .set(CATEGORY, version.category().term())
                        .set(PAYLOAD, sourceKeys.seal(Envelope.wrap(version.provenance().position(), version.payloadJson()),
                                AssociatedData.record(person, version.id(), version.version())))
                        .set(SUPERSEDED_AT, superseded.supersededAt().toEpochMilli())
                        .execute();
            }
            nextRecord = Math.max(nextRecord, current.id().number() + 1);
            restored++;
        }

        LogEntryDraft logEntry() {
            LogEntryDraft entry = LogEntryDraft.of(new LogActor.Owner(), LogAction.RESTORE, coverage.types(), restored);
            return coverage.span().map(entry::withSpan).orElse(entry);
        }

        void finish() throws SQLException {
            flush();
            logCopy.finish();
            coverage.save(dsl, person);
            Counters.restored(dsl, person, nextSource, nextBatch, nextRecord);
        }

        private void flush() throws SQLException {
            if (pending == 0) {
                return;
            }
            long inserted = 0;
            for (int count : insert.executeBatch()) {
                inserted += RecordRows.written(count) ? 1 : 0;
            }
            if (inserted != pending) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.vault.recordTwice"));
            }
            pending = 0;
        }

        private SourceKeys keysOf(SourceId source) {
            SourceKeys sourceKeys = keys.get(source);
            if (sourceKeys == null) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT,
                        Wording.of("error.vault.sourceBeforeListed", source.toString()));
            }
            return sourceKeys;
        }
    }
}
