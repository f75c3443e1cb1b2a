package org.selfdata.vault;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.selfdata.model.BatchId;
import org.selfdata.model.Category;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.ImportItem;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordType;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.Source;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.SourceId;
import org.selfdata.model.SourceKind;
import org.selfdata.texts.Wording;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.ADDED;
import static org.selfdata.vault.VaultTables.ALREADY_REJECTED;
import static org.selfdata.vault.VaultTables.BATCH_ID;
import static org.selfdata.vault.VaultTables.CREATED_AT;
import static org.selfdata.vault.VaultTables.DUPLICATES;
import static org.selfdata.vault.VaultTables.FILE_NAME;
import static org.selfdata.vault.VaultTables.FINISHED_AT;
import static org.selfdata.vault.VaultTables.FORMAT;
import static org.selfdata.vault.VaultTables.IMPORT_BATCHES;
import static org.selfdata.vault.VaultTables.KIND;
import static org.selfdata.vault.VaultTables.LABEL;
import static org.selfdata.vault.VaultTables.NEXT_BATCH_ID;
import static org.selfdata.vault.VaultTables.NEXT_RECORD_ID;
import static org.selfdata.vault.VaultTables.NEXT_SOURCE_ID;
import static org.selfdata.vault.VaultTables.ORGANIZATION;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.REJECTED;
import static org.selfdata.vault.VaultTables.REJECTS;
import static org.selfdata.vault.VaultTables.REJECT_NUMBER;
import static org.selfdata.vault.VaultTables.SOURCES;
import static org.selfdata.vault.VaultTables.SOURCE_ID;
import static org.selfdata.vault.VaultTables.STARTED_AT;

/**
 * Writes imported files into the vault, one batch per file, all or nothing; several files (an archive's) can share
 * one publication.
 *
 * <p>An import reads, seals and stages its files first, holding no lock on the vault ({@link ImportStaging}), then
 * publishes them in one short transaction: its batches, records, quarantines and log entries land together, or, after
 * a failure or a kill at any moment, not at all. While it stages, the person's reads and their log entries, and every
 * other write, go on. Each record is fingerprinted with its source's keyed PRF, numbered among identical records of the
 * file ({@link Occurrences}), and sealed under its source's key with associated data binding person, id and version;
 * this happens on a second thread ({@link SealingPipeline}) while this one writes JDBC batches. A record whose
 * fingerprint and occurrence the source already holds is counted as a duplicate and not written again. A rejection (a
 * record a lenient import could not read) is sealed into the batch's quarantine with its position, reason and text, so
 * that nothing is dropped without being reported; one the source's quarantine already holds, from an earlier import of
 * the same file, is counted as already rejected and not kept again.
 *
 * <p>Ids are taken before sealing, in short transactions of their own ({@link Counters#reserveRecords}), since each is
 * bound into its record's sealed associated data; a new source's keys are made in memory and written when it is
 * published. Imports of one person take turns, so that each tells the other's records as duplicates.
 */
public final class Imports {
    private final Database database;
    private final Keyring keyring;
    private final Clock clock;
    private final TransparencyLog log;
    private final Path stagingFolder;
    private final VaultMeters meters;
    private final ConcurrentHashMap<Long, ReentrantLock> turns = new ConcurrentHashMap<>();

    Imports(Database database, Keyring keyring, Clock clock, TransparencyLog log, Path stagingFolder, VaultMeters meters) {
        this.database = requireNonNull(database, "database is null");
        this.keyring = requireNonNull(keyring, "keyring is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.log = requireNonNull(log, "log is null");
        this.stagingFolder = requireNonNull(stagingFolder, "stagingFolder is null");
        this.meters = requireNonNull(meters, "meters is null");
    }

    /**
     * Imports one file's records, and quarantines its rejections. A failure while reading the stream (a malformed
     * file) leaves the vault as it was and is rethrown as it was.
     */
    public ImportBatch write(PersonId person, ImportRequest request, Stream<? extends ImportItem> items) {
        return inOneTransaction(person, session -> session.write(request, items));
    }

    /**
     * Writes a few records at once, in one short transaction without staging them: what an organization pushes, a
     * record or a handful, where staging would cost more than it saves.
     */
    public ImportBatch writeAtOnce(PersonId person, ImportRequest request, Stream<? extends ImportItem> items) {
        requireNonNull(request, "request is null");
        requireNonNull(items, "items is null");
        try (items) {
            ImportBatch batch = database.transaction(person, connection -> writeAtOnce(connection, person, request, items));
            meters.imported(batch.added());
            return batch;
        }
    }

    /**
     * Imports several files together, such as the entries of an archive: the work writes each file through the writer
     * it is given, and everything it wrote is published together once it returns, or not at all if it throws. A file
     * that fails is undone alone and its exception rethrown to the work, which may go on with the next file or give up.
     */
    public <T> T inOneTransaction(PersonId person, Function<FileWriter, T> work) {
        requireNonNull(person, "person is null");
        requireNonNull(work, "work is null");
        ReentrantLock turn = turns.computeIfAbsent(person.value(), key -> new ReentrantLock(true));
        turn.lock();
        try (ImportStaging staging = ImportStaging.open(database, person, stagingFolder)) {
            FileWriter writer = new FileWriter(staging, person);
            try {
                T result;
                try {
                    result = work.apply(writer);
                }
                finally {
                    writer.closed = true;
                }
                writer.publish();
                meters.imported(writer.staged.stream().mapToLong(file -> file.batch().added()).sum());
                return result;
            }
            catch (RuntimeException | Error e) {
                writer.giveBackNumbers(e);
                throw e;
            }
        }
        finally {
            turn.unlock();
        }
    }

    /** Stages files, each as one batch, inside {@link #inOneTransaction}, and publishes them at its end. */
    public final class FileWriter {
        private final ImportStaging staging;
        private final PersonId person;
        private final List<StagedFile> staged = new ArrayList<>();
        private final Map<SourceDescriptor, NewSource> newSources = new HashMap<>();
        private final RecordNumbers numbers;
        private final TakenNumbers batches = new TakenNumbers();
        private final TakenNumbers sources = new TakenNumbers();
        private boolean closed;

        private FileWriter(ImportStaging staging, PersonId person) {
            this.staging = staging;
            this.person = person;
            this.numbers = RecordNumbers.reserved(database, person);
        }

        /**
         * Stages one file as one batch: its records, each unless already held, and its rejections for the batch's
         * quarantine. On failure what the file staged is undone and the exception rethrown; the files staged before it
         * stay. The batch returned counts what will be published with the import.
         */
        public ImportBatch write(ImportRequest request, Stream<? extends ImportItem> items) {
            requireNonNull(request, "request is null");
            requireNonNull(items, "items is null");
            if (closed) {
                throw new SelfdataException(ErrorCode.INTERNAL, "an import's transaction is over; no more files can join it");
            }
            try (items) {
                StagedFile file = staging.file(connection -> stage(connection, request, items));
                staged.add(file);
                return file.batch();
            }
            catch (SQLException e) {
                throw Database.failure(e, Wording.of("error.vault.doing.importing", request.fileName()));
            }
        }

        private StagedFile stage(Connection connection, ImportRequest request, Stream<? extends ImportItem> items)
                throws SQLException {
            DSLContext dsl = database.dsl(connection);
            Instant startedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Optional<Source> existing = findSource(dsl, person, request.source());
            SourceId source;
            SourceKeys keys;
            if (existing.isPresent()) {
                source = existing.get().id();
                keys = keyring.keys(dsl, person, source);
            }
            else {
                NewSource created = newSources.computeIfAbsent(request.source(), descriptor -> newSource(descriptor, startedAt));
                source = created.source().id();
                keys = created.keys().keys();
            }
            BatchId batch = BatchId.of(Counters.reserveBatch(database, person));
            batches.took(batch.value(), 1);
            CoverageTally coverage = new CoverageTally();
            Written written = writeRecords(connection, person, source, batch, keys, numbers,
                    items.iterator(), coverage, new RowStatements(
                            (type, category) -> ImportStaging.stageRecord(person, source, existing.isEmpty(), batch, type,
                                    category),
                            ImportStaging.STAGE_REJECT));
            Instant finishedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            return new StagedFile(new ImportBatch(batch, source, request.format(), request.fileName(), startedAt, finishedAt,
                    written.added(), written.duplicates(), written.rejected(), written.alreadyRejected()),
                    request, keys, coverage);
        }

        private NewSource newSource(SourceDescriptor descriptor, Instant now) {
            SourceId id = SourceId.of(Counters.reserveSource(database, person));
            sources.took(id.value(), 1);
            return new NewSource(new Source(id, descriptor, now), keyring.generate(person, id));
        }

        /** Publishes every file staged: their sources, batches, records, quarantines and log entries, together. */
        private void publish() {
            try {
                staging.publish(connection -> {
                    DSLContext dsl = database.dsl(connection);
                    for (NewSource created : newSources.values()) {
                        if (staged.stream().anyMatch(file -> file.batch().source().equals(created.source().id()))) {
                            if (findSource(dsl, person, created.source().descriptor()).isPresent()) {
                                // Written meanwhile, by a push: this import's records are sealed under other keys.
                                throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.vault.importOverlapped",
                                        staged.getFirst().batch().fileName()));
                            }
                            insertSource(dsl, person, created.source());
                            keyring.save(dsl, created.keys(), created.source().createdAt().toEpochMilli());
                        }
                    }
                    List<LogEntryDraft> entries = new ArrayList<>();
                    for (StagedFile file : staged) {
                        entries.add(publish(connection, dsl, file));
                    }
                    if (!entries.isEmpty()) {
                        log.append(connection, person, entries);
                    }
                    // Numbers past the last record and the last batch published go back, if nobody took any since.
                    if (numbers.taken().any()) {
                        Counters.giveBack(dsl, person, NEXT_RECORD_ID, numbers.next(), numbers.taken().end());
                    }
                    if (batches.any()) {
                        long afterLast = staged.isEmpty() ? batches.first() : staged.getLast().batch().id().value() + 1;
                        Counters.giveBack(dsl, person, NEXT_BATCH_ID, Math.max(afterLast, batches.first()), batches.end());
                    }
                    return null;
                });
            }
            catch (SQLException e) {
                throw Database.failure(e, Wording.of("error.vault.doing.importing",
                        staged.isEmpty() ? "" : staged.getFirst().batch().fileName()));
            }
        }

        /**
         * Gives back, after a failure, the numbers this import took, so that a failed import leaves no gap in the
         * numbering when nobody took numbers since.
         */
        private void giveBackNumbers(Throwable failure) {
            try {
                database.transaction(person, connection -> {
                    DSLContext dsl = database.dsl(connection);
                    if (numbers.taken().any()) {
                        Counters.giveBack(dsl, person, NEXT_RECORD_ID, numbers.taken().first(), numbers.taken().end());
                    }
                    if (batches.any()) {
                        Counters.giveBack(dsl, person, NEXT_BATCH_ID, batches.first(), batches.end());
                    }
                    if (sources.any()) {
                        Counters.giveBack(dsl, person, NEXT_SOURCE_ID, sources.first(), sources.end());
                    }
                    return null;
                });
            }
            catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }

        private LogEntryDraft publish(Connection connection, DSLContext dsl, StagedFile file) throws SQLException {
            ImportBatch batch = file.batch();
            insertBatch(dsl, person, batch, file.keys());
            long records = staging.publishRecords(batch.id());
            long rejects = staging.publishRejects(batch.id());
            if (records != batch.added() || rejects != batch.rejected()) {
                throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.vault.importOverlapped", batch.fileName()));
            }
            file.coverage().save(dsl, person);
            if (records > 0) {
                Counters.recordsChanged(dsl, person);
            }
            return entry(file.request(), batch, file.coverage());
        }
    }

    /** A file staged, with what its publication needs. */
    private record StagedFile(ImportBatch batch, ImportRequest request, SourceKeys keys, CoverageTally coverage) {}

    /** A source the import found no row for: its number is taken, its keys made, both written when it publishes. */
    private record NewSource(Source source, Keyring.NewKeys keys) {}

    /** The statements a batch's rows go through: into the vault at once, or into staging. */
    private record RowStatements(BiFunction<RecordType, Category, String> records, String rejects) {}

    private ImportBatch writeAtOnce(Connection connection, PersonId person, ImportRequest request,
            Stream<? extends ImportItem> items) throws SQLException {
        DSLContext dsl = database.dsl(connection);
        Instant startedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // The person's counters are locked before the source is looked for, so that two first pushes under one grant
        // take turns, and the second finds the source the first made.
        Counters.lock(dsl, database, person);
        Source source = findOrCreateSource(dsl, person, request.source(), startedAt.toEpochMilli());
        SourceKeys keys = keyring.keys(dsl, person, source.id());
        Counters counters = Counters.lock(dsl, database, person);
        BatchId batch = BatchId.of(counters.nextBatch());
        // The batch's row comes first, so that its quarantine can refer to it; its counts are set at the end.
        insertBatch(dsl, person, new ImportBatch(batch, source.id(), request.format(), request.fileName(), startedAt,
                startedAt, 0, 0, 0, 0), keys);
        CoverageTally coverage = new CoverageTally();
        RecordNumbers numbers = RecordNumbers.from(counters.nextRecord());
        Written written = writeRecords(connection, person, source.id(), batch, keys, numbers, items.iterator(), coverage,
                new RowStatements((type, category) -> RecordRows.insertForBatch(person, source.id(), batch, type, category),
                        Quarantine.INSERT));
        Instant finishedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        dsl.update(IMPORT_BATCHES)
                .set(FINISHED_AT, finishedAt.toEpochMilli())
                .set(ADDED, written.added())
                .set(DUPLICATES, written.duplicates())
                .set(REJECTED, written.rejected())
                .set(ALREADY_REJECTED, written.alreadyRejected())
                .where(PERSON_ID.eq(person.value()).and(BATCH_ID.eq(batch.value())))
                .execute();
        coverage.save(dsl, person);
        counters.save(dsl, batch.value() + 1, numbers.next());
        if (written.added() > 0) {
            Counters.recordsChanged(dsl, person);
        }
        ImportBatch imported = new ImportBatch(batch, source.id(), request.format(), request.fileName(), startedAt,
                finishedAt, written.added(), written.duplicates(), written.rejected(), written.alreadyRejected());
        log.append(connection, person, List.of(entry(request, imported, coverage)));
        return imported;
    }

    /** Writes a batch's row, its file's name sealed under its source's key. */
    static void insertBatch(DSLContext dsl, PersonId person, ImportBatch batch, SourceKeys keys) {
        dsl.insertInto(IMPORT_BATCHES)
                .set(PERSON_ID, person.value())
                .set(BATCH_ID, batch.id().value())
                .set(SOURCE_ID, batch.source().value())
                .set(FORMAT, batch.format())
                .set(FILE_NAME, keys.seal(batch.fileName().getBytes(StandardCharsets.UTF_8),
                        AssociatedData.batchFileName(person, batch.id())))
                .set(STARTED_AT, batch.startedAt().toEpochMilli())
                .set(FINISHED_AT, batch.finishedAt().toEpochMilli())
                .set(ADDED, batch.added())
                .set(DUPLICATES, batch.duplicates())
                .set(REJECTED, batch.rejected())
                .set(ALREADY_REJECTED, batch.alreadyRejected())
                .execute();
    }

    /** The import's entry on the log: who brought the records in, of which types, how many, over which span. */
    private static LogEntryDraft entry(ImportRequest request, ImportBatch batch, CoverageTally coverage) {
        LogEntryDraft flow = request.flow().orElse(LogEntryDraft.of(new LogActor.Owner(), LogAction.IMPORT, Set.of(), 0));
        LogEntryDraft entry = new LogEntryDraft(flow.actor(), flow.action(), coverage.types(), batch.added(),
                Optional.empty(), flow.precision(), flow.grant(), flow.purpose(), Optional.of(batch.source()), 1,
                Optional.empty());
        return coverage.span().map(entry::withSpan).orElse(entry);
    }

    private record Written(long added, long duplicates, long rejected, long alreadyRejected) {}

    private Written writeRecords(Connection connection, PersonId person, SourceId source, BatchId batch, SourceKeys keys,
            RecordNumbers numbers, Iterator<? extends ImportItem> items, CoverageTally coverage, RowStatements statements)
            throws SQLException {
        RowSealer sealer = new RowSealer(person, batch, keys, numbers);
        long added = 0;
        long duplicates = 0;
        long rejected = 0;
        long alreadyRejected = 0;
        Map<String, PreparedStatement> inserts = new HashMap<>();
        try (SealingPipeline<ImportItem, SealedItem> pipeline = new SealingPipeline<>(items, sealer::seal)) {
            for (List<SealedItem> chunk = pipeline.next(); !chunk.isEmpty(); chunk = pipeline.next()) {
                // Runs of rows of one type and category go through that pair's statement, in file order.
                int runStart = 0;
                while (runStart < chunk.size()) {
                    if (chunk.get(runStart) instanceof SealedReject reject) {
                        PreparedStatement insert = inserts.computeIfAbsent("rejects",
                                key -> prepare(connection, statements.rejects()));
                        Quarantine.bind(insert, person, batch, reject);
                        if (insert.executeUpdate() == 1) {
                            rejected++;
                        }
                        else {
                            alreadyRejected++;
                        }
                        runStart++;
                        continue;
                    }
                    SealedRow first = (SealedRow) chunk.get(runStart);
                    int runEnd = runStart + 1;
                    while (runEnd < chunk.size() && chunk.get(runEnd) instanceof SealedRow row
                            && row.id().type() == first.id().type() && row.category() == first.category()) {
                        runEnd++;
                    }
                    PreparedStatement insert = inserts.computeIfAbsent(first.id().type().id() + " " + first.category().term(),
                            key -> prepare(connection, statements.records().apply(first.id().type(), first.category())));
                    for (int index = runStart; index < runEnd; index++) {
                        RecordRows.bindForBatch(insert, (SealedRow) chunk.get(index));
                        insert.addBatch();
                    }
                    int[] counts = insert.executeBatch();
                    for (int index = 0; index < counts.length; index++) {
                        if (RecordRows.written(counts[index])) {
                            SealedRow row = (SealedRow) chunk.get(runStart + index);
                            coverage.add(source, row.id().type(), row.id().startMillis(), row.endMillis());
                            added++;
                        }
                        else {
                            duplicates++;
                        }
                    }
                    runStart = runEnd;
                }
            }
        }
        finally {
            for (PreparedStatement insert : inserts.values()) {
                insert.close();
            }
        }
        return new Written(added, duplicates, rejected, alreadyRejected);
    }

    private static PreparedStatement prepare(Connection connection, String sql) {
        try {
            return connection.prepareStatement(sql);
        }
        catch (SQLException e) {
            throw Database.failure(e, Wording.of("error.vault.doing.preparingImport"));
        }
    }

    /**
     * Turns items into sealed rows, on the sealing thread only: it numbers records and rejections and counts
     * occurrences.
     */
    private static final class RowSealer {
        private final PersonId person;
        private final BatchId batch;
        private final SourceKeys keys;
        private final RecordNumbers numbers;
        private final Occurrences occurrences = new Occurrences();
        private long nextReject = 1;

        RowSealer(PersonId person, BatchId batch, SourceKeys keys, RecordNumbers numbers) {
            this.person = person;
            this.batch = batch;
            this.keys = keys;
            this.numbers = numbers;
        }

        SealedItem seal(ImportItem item) {
            return switch (item) {
                case RecordDraft draft -> seal(draft);
                case Rejection rejection -> Quarantine.seal(person, batch, nextReject++, rejection, keys);
            };
        }

        private SealedRow seal(RecordDraft draft) {
            byte[] json = PayloadCodec.encode(draft.payload());
            long fingerprint = keys.fingerprint(RecordContent.canonical(draft, json));
            int occurrence = draft.type().countsOccurrences() ? occurrences.next(fingerprint) : 1;
            RecordId id = new RecordId(draft.type(), TimeColumns.startMillis(draft.time()), numbers.take());
            byte[] sealed = keys.seal(Envelope.wrap(draft.position(), json), AssociatedData.record(person, id, 1));
            return new SealedRow(id, draft.category(), TimeColumns.endMillis(draft.time()), fingerprint, occurrence, sealed);
        }
    }

    /**
     * The rejections a lenient import of a batch quarantined, in file order, a page at a time: those numbered after
     * {@code after}, at most {@code limit} of them.
     */
    public List<QuarantinedRecord> rejects(PersonId person, BatchId batch, long after, int limit) {
        requireNonNull(batch, "batch is null");
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            Optional<Long> source = dsl.select(SOURCE_ID).from(IMPORT_BATCHES)
                    .where(PERSON_ID.eq(person.value()).and(BATCH_ID.eq(batch.value()))).fetchOptional(SOURCE_ID);
            if (source.isEmpty()) {
                throw new SelfdataException(ErrorCode.NOT_FOUND,
                        Wording.of("error.vault.noBatch", Long.toString(batch.value())));
            }
            SourceKeys keys = keyring.keys(dsl, person, SourceId.of(source.get()));
            return Quarantine.read(dsl, person, batch, keys, after, limit);
        });
    }

    /**
     * Takes one rejection out of its batch's quarantine, once its owner has imported it corrected; the batch then
     * counts one rejection fewer, so that its count and its quarantine still agree.
     */
    public void release(PersonId person, BatchId batch, long number) {
        requireNonNull(batch, "batch is null");
        database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            int deleted = dsl.deleteFrom(REJECTS).where(PERSON_ID.eq(person.value()).and(BATCH_ID.eq(batch.value()))
                    .and(REJECT_NUMBER.eq(number))).execute();
            if (deleted == 0) {
                throw new SelfdataException(ErrorCode.NOT_FOUND,
                        Wording.of("error.vault.noSuchReject", Long.toString(batch.value()), Long.toString(number)));
            }
            return dsl.update(IMPORT_BATCHES).set(REJECTED, REJECTED.minus(1))
                    .where(PERSON_ID.eq(person.value()).and(BATCH_ID.eq(batch.value()))).execute();
        });
    }

    public List<Source> sources(PersonId person) {
        return database.read(person, connection -> database.dsl(connection)
                .select(VaultTables.columns(SOURCES)).from(SOURCES).where(PERSON_ID.eq(person.value())).orderBy(SOURCE_ID)
                .fetch(Imports::source));
    }

    public Optional<Source> source(PersonId person, SourceId id) {
        return database.read(person, connection -> database.dsl(connection)
                .select(VaultTables.columns(SOURCES)).from(SOURCES)
                .where(PERSON_ID.eq(person.value()).and(SOURCE_ID.eq(id.value())))
                .fetchOptional(Imports::source));
    }

    public List<ImportBatch> batches(PersonId person) {
        return database.read(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            return dsl.select(VaultTables.columns(IMPORT_BATCHES)).from(IMPORT_BATCHES).where(PERSON_ID.eq(person.value()))
                    .orderBy(BATCH_ID).fetch(row -> batch(dsl, person, row));
        });
    }

    /**
     * The newest imports, at most {@code limit}, oldest first: what a page lists without opening the name of every
     * file ever imported (each push from an organization is an import of its own, so a vault gathers thousands).
     */
    public List<ImportBatch> latestBatches(PersonId person, int limit) {
        return database.read(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            List<ImportBatch> newestFirst = dsl.select(VaultTables.columns(IMPORT_BATCHES)).from(IMPORT_BATCHES)
                    .where(PERSON_ID.eq(person.value())).orderBy(BATCH_ID.desc()).limit(limit)
                    .fetch(row -> batch(dsl, person, row));
            return newestFirst.reversed();
        });
    }

    /** How many imports the person made, counted without opening any. */
    public long batchCount(PersonId person) {
        return database.read(person, connection -> (long) database.dsl(connection)
                .fetchCount(IMPORT_BATCHES, PERSON_ID.eq(person.value())));
    }

    public Optional<ImportBatch> batch(PersonId person, BatchId id) {
        return database.read(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            return dsl.select(VaultTables.columns(IMPORT_BATCHES)).from(IMPORT_BATCHES)
                    .where(PERSON_ID.eq(person.value()).and(BATCH_ID.eq(id.value())))
                    .fetchOptional(row -> batch(dsl, person, row));
        });
    }

    private ImportBatch batch(DSLContext dsl, PersonId person, Record row) {
        BatchId id = BatchId.of(row.get(BATCH_ID));
        SourceId source = SourceId.of(row.get(SOURCE_ID));
        byte[] fileName = keyring.keys(dsl, person, source).open(row.get(FILE_NAME), AssociatedData.batchFileName(person, id));
        return new ImportBatch(id, source, row.get(FORMAT), new String(fileName, StandardCharsets.UTF_8),
                Instant.ofEpochMilli(row.get(STARTED_AT)), Instant.ofEpochMilli(row.get(FINISHED_AT)),
                row.get(ADDED), row.get(DUPLICATES), row.get(REJECTED), row.get(ALREADY_REJECTED));
    }

    private static Optional<Source> findSource(DSLContext dsl, PersonId person, SourceDescriptor descriptor) {
        return dsl.select(VaultTables.columns(SOURCES)).from(SOURCES)
                .where(PERSON_ID.eq(person.value())
                        .and(KIND.eq(descriptor.kind().name()))
                        .and(ORGANIZATION.eq(descriptor.organization()))
                        .and(LABEL.eq(descriptor.label())))
                .fetchOptional(Imports::source);
    }

    Source findOrCreateSource(DSLContext dsl, PersonId person, SourceDescriptor descriptor, long now) {
        Optional<Source> existing = findSource(dsl, person, descriptor);
        if (existing.isPresent()) {
            return existing.get();
        }
        Counters counters = Counters.lock(dsl, database, person);
        SourceId id = SourceId.of(counters.nextSource());
        insertSource(dsl, person, new Source(id, descriptor, Instant.ofEpochMilli(now)));
        counters.saveNextSource(dsl, id.value() + 1);
        keyring.create(dsl, person, id, now);
        return new Source(id, descriptor, Instant.ofEpochMilli(now));
    }

    static void insertSource(DSLContext dsl, PersonId person, Source source) {
        dsl.insertInto(SOURCES)
                .set(PERSON_ID, person.value())
                .set(SOURCE_ID, source.id().value())
                .set(KIND, source.kind().name())
                .set(ORGANIZATION, source.organization())
                .set(LABEL, source.label())
                .set(CREATED_AT, source.createdAt().toEpochMilli())
                .execute();
    }

    static Source source(Record row) {
        return new Source(SourceId.of(row.get(SOURCE_ID)),
                new SourceDescriptor(SourceKind.valueOf(row.get(KIND)), row.get(ORGANIZATION), row.get(LABEL)),
                Instant.ofEpochMilli(row.get(CREATED_AT)));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "this Java runtime has no SHA-256", e);
        }
    }
}
