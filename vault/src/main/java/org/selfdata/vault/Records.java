package org.selfdata.vault;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.selfdata.model.BatchId;
import org.selfdata.model.Category;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Payload;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.PersonId;
import org.selfdata.model.Provenance;
import org.selfdata.model.RecordHistory;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceId;
import org.selfdata.model.StoredRecord;
import org.selfdata.texts.Wording;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.COVERAGE;
import static org.selfdata.vault.VaultTables.PAYLOAD;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.RECORDS;
import static org.selfdata.vault.VaultTables.RECORD_NUMBER;
import static org.selfdata.vault.VaultTables.RECORD_VERSIONS;
import static org.selfdata.vault.VaultTables.SOURCE_ID;
import static org.selfdata.vault.VaultTables.SUPERSEDED_AT;
import static org.selfdata.vault.VaultTables.TIME_START;
import static org.selfdata.vault.VaultTables.TYPE;
import static org.selfdata.vault.VaultTables.VERSION;
import static org.selfdata.vault.VaultTables.CATEGORY;

/**
 * A person's records: reading them opened, and rectifying them with their history kept.
 *
 * <p>Reads are for the gate. Nothing else should call {@link #read}: the gate is where grants narrow a query and
 * precision is applied, so a surface that read here directly would bypass both.
 */
public final class Records {
    private static final int FETCH_SIZE = 2_000;
    private static final int OPENED_TOGETHER = 500;
    private static final String FIND = "SELECT time_start, record_number, " + SealedRecordRow.SHAPE.columns()
            + " FROM records WHERE person_id = ? AND type = ? AND time_start = ? AND record_number = ?";
    private static final String CHANGES = "SELECT records_changed FROM person_counters WHERE person_id = ?";
    private static final String PERSON_HELD = "SELECT 1 FROM persons WHERE person_id = ?";

    private final Database database;
    private final Keyring keyring;
    private final Clock clock;
    private final ExecutorService opening;

    Records(Database database, Keyring keyring, Clock clock, ExecutorService opening) {
        this.database = requireNonNull(database, "database is null");
        this.keyring = requireNonNull(keyring, "keyring is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.opening = requireNonNull(opening, "opening is null");
    }

    /**
     * Streams a person's records matching the query, in id order, payloads opened. The stream holds a database
     * connection: close it (try-with-resources) when done.
     */
    public Stream<StoredRecord> read(PersonId person, RecordQuery query) {
        requireNonNull(query, "query is null");
        return scan(person, query, SealedRecordRow.SHAPE, (connection, merge) -> {
            OpenedRecords opened = new OpenedRecords(merge::next,
                    new RecordOpener(person, source -> keyring.keys(database.dsl(connection), person, source)),
                    opening, query.limit());
            // Each scan stops at the page's limit; merged, they must stop there too.
            Stream<StoredRecord> records = query.limit() == Integer.MAX_VALUE ? opened.stream()
                    : opened.stream().limit(query.limit());
            return records.onClose(opened::close);
        });
    }

    /**
     * Streams the keys (id and category) of a person's records matching the query, in id order, without opening any:
     * for the gate, which orders what a recipient may see before it opens the records of one page. The stream holds a
     * database connection: close it when done.
     */
    public Stream<RecordKey> keys(PersonId person, RecordQuery query) {
        requireNonNull(query, "query is null");
        return scan(person, query, RecordKey.SHAPE, (connection, merge) -> merge.stream());
    }

    /**
     * Streams the id and time of a person's records matching the query, in id order, without opening any: for counting
     * them by kind and by day, which needs nothing sealed. The stream holds a database connection: close it when done.
     */
    public Stream<RecordTiming> timings(PersonId person, RecordQuery query) {
        requireNonNull(query, "query is null");
        return scan(person, query, RecordTiming.SHAPE, (connection, merge) -> merge.stream());
    }

    /** What a scan's rows become, given the connection that reads them: made once the scans have started. */
    @FunctionalInterface
    private interface ScanReader<R, T> {
        Stream<T> stream(Connection connection, RecordMerge<R> merge) throws SQLException;
    }

    private <R, T> Stream<T> scan(PersonId person, RecordQuery query, TypeScan.Shape<R> shape, ScanReader<R, T> reader) {
        List<RecordType> types = query.types().isEmpty() ? typesHeld(person) : query.types().stream().sorted().toList();
        if (types.isEmpty()) {
            return Stream.empty();
        }
        Connection connection = database.openReader(person);
        List<TypeScan<R>> scans = new ArrayList<>();
        try {
            for (RecordType type : types) {
                scans.add(new TypeScan<>(connection, person, type, query, Math.min(FETCH_SIZE, query.limit()), shape));
            }
            RecordMerge<R> merge = new RecordMerge<>(scans);
            return reader.stream(connection, merge).onClose(() -> {
                merge.close();
                database.closeReader(connection);
            });
        }
        catch (SQLException | RuntimeException e) {
            scans.forEach(TypeScan::close);
            database.closeReader(connection);
            throw e instanceof SQLException sql ? Database.failure(sql, Wording.of("error.vault.doing.readingRecords"))
                    : (RuntimeException) e;
        }
    }

    /**
     * Opens the records with these ids, in the order given; an id that names no record of the person is left out. For a
     * page whose records were chosen by their keys: they are read in groups of one type and {@value #OPENED_TOGETHER}
     * ids next to each other in the primary key, each group one range of it.
     */
    public List<StoredRecord> open(PersonId person, List<RecordId> ids) {
        requireNonNull(ids, "ids is null");
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<RecordId, StoredRecord> found = new HashMap<>();
        Connection connection = database.openReader(person);
        try {
            RecordOpener opener = new RecordOpener(person, source -> keyring.keys(database.dsl(connection), person, source));
            // In key order, so that each group is one short range of the primary key, whatever order the page asks.
            Map<RecordType, List<RecordId>> byType = ids.stream().sorted()
                    .collect(Collectors.groupingBy(RecordId::type, () -> new EnumMap<>(RecordType.class), Collectors.toList()));
            List<SealedRecordRow> rows = new ArrayList<>(ids.size());
            for (List<RecordId> ofType : byType.values()) {
                for (int start = 0; start < ofType.size(); start += OPENED_TOGETHER) {
                    int end = Math.min(ofType.size(), start + OPENED_TOGETHER);
                    rows.addAll(rows(connection, person, ofType.subList(start, end)));
                }
            }
            Iterator<SealedRecordRow> read = rows.iterator();
            try (OpenedRecords opened = new OpenedRecords(() -> read.hasNext() ? read.next() : null, opener, opening,
                    rows.size())) {
                opened.forEachRemaining(record -> found.put(record.id(), record));
            }
        }
        catch (SQLException e) {
            throw Database.failure(e, Wording.of("error.vault.doing.openingRecords"));
        }
        finally {
            database.closeReader(connection);
        }
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    private static List<SealedRecordRow> rows(Connection connection, PersonId person, List<RecordId> ids) throws SQLException {
        RecordType type = ids.getFirst().type();
        long earliest = ids.stream().mapToLong(RecordId::startMillis).min().orElseThrow();
        long latest = ids.stream().mapToLong(RecordId::startMillis).max().orElseThrow();
        String sql = "SELECT time_start, record_number, " + SealedRecordRow.SHAPE.columns()
                + " FROM records WHERE person_id = ? AND type = ? AND time_start >= ? AND time_start <= ?"
                + " AND record_number IN (" + String.join(", ", ids.stream().map(id -> "?").toList()) + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, person.value());
            statement.setString(2, type.id());
            statement.setLong(3, earliest);
            statement.setLong(4, latest);
            for (int index = 0; index < ids.size(); index++) {
                statement.setLong(5 + index, ids.get(index).number());
            }
            List<SealedRecordRow> rows = new ArrayList<>(ids.size());
            Set<RecordId> wanted = new HashSet<>(ids);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    SealedRecordRow row = SealedRecordRow.SHAPE.row(new RecordId(type, result.getLong(1), result.getLong(2)),
                            result);
                    if (wanted.contains(row.id())) {
                        rows.add(row);
                    }
                }
            }
            return rows;
        }
    }

    /** The types a person holds records of, from the coverage table: the scans a read without a type filter needs. */
    private List<RecordType> typesHeld(PersonId person) {
        return database.read(person, connection -> database.dsl(connection)
                .selectDistinct(TYPE).from(COVERAGE).where(PERSON_ID.eq(person.value()))
                .fetch(row -> RecordType.fromId(row.value1())))
                .stream().sorted().toList();
    }

    /**
     * One record by its id, opened, as the owner's every read of one record asks: one row by its whole primary key,
     * without the grouping that {@link #open} does for a page.
     */
    public Optional<StoredRecord> find(PersonId person, RecordId id) {
        requireNonNull(person, "person is null");
        requireNonNull(id, "id is null");
        Connection connection = database.openReader(person);
        try (PreparedStatement select = connection.prepareStatement(FIND)) {
            select.setLong(1, person.value());
            select.setString(2, id.type().id());
            select.setLong(3, id.startMillis());
            select.setLong(4, id.number());
            SealedRecordRow row;
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                row = SealedRecordRow.SHAPE.row(id, result);
            }
            RecordOpener opener = new RecordOpener(person, source -> keyring.keys(database.dsl(connection), person, source));
            return Optional.of(opener.open(row, opener.keysFor(row)));
        }
        catch (SQLException e) {
            throw Database.failure(e, Wording.of("error.vault.doing.openingRecords"));
        }
        finally {
            database.closeReader(connection);
        }
    }

    /**
     * How many times the person's records changed ({@link Counters#recordsChanged}): a count that differs from the one
     * read before them says that records read since changed, one that is the same that none did. One small read; a
     * person whose records never changed may have no counters yet, which a second read tells from nobody.
     */
    public long changes(PersonId person) {
        requireNonNull(person, "person is null");
        Connection connection = database.openReader(person);
        try {
            OptionalLong changes = firstLong(connection, CHANGES, person);
            if (changes.isPresent()) {
                return changes.getAsLong();
            }
            if (firstLong(connection, PERSON_HELD, person).isEmpty()) {
                throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.vault.noPerson", person.toString()));
            }
            return 0;
        }
        catch (SQLException e) {
            throw Database.failure(e, Wording.of("error.vault.doing.openingRecords"));
        }
        finally {
            database.closeReader(connection);
        }
    }

    private static OptionalLong firstLong(Connection connection, String sql, PersonId person) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, person.value());
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? OptionalLong.of(result.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** A record with the versions it had before each rectification, oldest first. */
    public RecordHistory history(PersonId person, RecordId id) {
        StoredRecord current = find(person, id).orElseThrow(() -> notFound(id));
        return database.read(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            SourceKeys keys = keyring.keys(dsl, person, current.provenance().source());
            List<RecordHistory.Superseded> earlier = new ArrayList<>();
            for (Record row : dsl.select(VERSION, CATEGORY, PAYLOAD, SUPERSEDED_AT).from(RECORD_VERSIONS)
                    .where(PERSON_ID.eq(person.value()).and(RECORD_NUMBER.eq(id.number())))
                    .orderBy(VERSION).fetch()) {
                int version = row.get(VERSION);
                Envelope.Opened opened = Envelope.unwrap(keys.open(row.get(PAYLOAD), AssociatedData.record(person, id, version)));
                StoredRecord superseded = new StoredRecord(id, Category.fromTerm(row.get(CATEGORY)), current.time(),
                        new Provenance(current.provenance().source(), current.provenance().batch(), opened.position()),
                        current.occurrence(), version, opened.payloadJson());
                earlier.add(new RecordHistory.Superseded(superseded, Instant.ofEpochMilli(row.get(SUPERSEDED_AT))));
            }
            return new RecordHistory(current, earlier);
        });
    }

    /**
     * Replaces a record's payload with a corrected one. The version it replaces moves, still sealed, to the record's
     * history. The record keeps its time, which is part of its id, and its fingerprint, so importing the original
     * file again does not bring the mistake back as a new record.
     */
    public StoredRecord rectify(PersonId person, RecordId id, Payload payload) {
        requireNonNull(payload, "payload is null");
        if (payload.type() != id.type()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.vault.rectifyType",
                    id.toString(), String.valueOf(id.type()), String.valueOf(payload.type())));
        }
        StoredRecord current = find(person, id).orElseThrow(() -> notFound(id));
        int version = current.version() + 1;
        byte[] json = PayloadCodec.encode(payload);
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            SourceKeys keys = keyring.keys(dsl, person, current.provenance().source());
            var ofRecord = PERSON_ID.eq(person.value()).and(TYPE.eq(id.type().id())).and(TIME_START.eq(id.startMillis()))
                    .and(RECORD_NUMBER.eq(id.number()));
            Record row = dsl.select(PAYLOAD, VERSION).from(RECORDS).where(ofRecord).fetchOne();
            if (row == null || row.get(VERSION) != current.version()) {
                throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.vault.rectifyRace", id.toString()));
            }
            dsl.insertInto(RECORD_VERSIONS)
                    .set(PERSON_ID, person.value())
                    .set(RECORD_NUMBER, id.number())
                    .set(VERSION, current.version())
                    .set(SOURCE_ID, current.provenance().source().value())
                    .set(CATEGORY, current.category().term())
                    .set(PAYLOAD, row.get(PAYLOAD))
                    .set(SUPERSEDED_AT, clock.millis())
                    .execute();
            dsl.update(RECORDS)
                    .set(VERSION, version)
                    .set(PAYLOAD, keys.seal(Envelope.wrap(current.provenance().position(), json),
                            AssociatedData.record(person, id, version)))
                    .where(ofRecord)
                    .execute();
            Counters.recordsChanged(dsl, person);
            return new StoredRecord(id, current.category(), current.time(), current.provenance(), current.occurrence(),
                    version, json);
        });
    }

    private static SelfdataException notFound(RecordId id) {
        return new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.vault.noRecord", id.toString()));
    }

    /** Opens sealed rows into records with their source's keys, fetched once per source for the length of a read. */
    static final class RecordOpener {
        private final PersonId person;
        private final java.util.function.Function<SourceId, SourceKeys> keysOf;
        private final java.util.Map<Long, SourceKeys> keys = new java.util.HashMap<>();

        RecordOpener(PersonId person, java.util.function.Function<SourceId, SourceKeys> keysOf) {
            this.person = person;
            this.keysOf = keysOf;
        }

        /** Fetches a row's source keys; on the reading thread, which owns the connection. */
        SourceKeys keysFor(SealedRecordRow row) {
            return keys.computeIfAbsent(row.source(), source -> keysOf.apply(SourceId.of(source)));
        }

        /** Opens a row; safe on any thread once {@link #keysFor} has fetched its keys. */
        StoredRecord open(SealedRecordRow row, SourceKeys sourceKeys) {
            Envelope.Opened opened = Envelope.unwrap(sourceKeys.open(row.sealedEnvelope(),
                    AssociatedData.record(person, row.id(), row.version())));
            return new StoredRecord(row.id(), Category.fromTerm(row.category()),
                    TimeColumns.time(row.id().startMillis(), row.endMillis()),
                    new Provenance(SourceId.of(row.source()), BatchId.of(row.batch()), opened.position()),
                    row.occurrence(), row.version(), opened.payloadJson());
        }
    }
}
