package org.selfdata.vault;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.selfdata.model.BatchId;
import org.selfdata.model.Category;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Payload;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.PersonId;
import org.selfdata.model.Position;
import org.selfdata.model.Provenance;
import org.selfdata.model.RecordHistory;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceId;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.row;
import static org.selfdata.vault.VaultTables.BATCH_ID;
import static org.selfdata.vault.VaultTables.CATEGORY;
import static org.selfdata.vault.VaultTables.OCCURRENCE;
import static org.selfdata.vault.VaultTables.PAYLOAD;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.POSITION;
import static org.selfdata.vault.VaultTables.RECORDS;
import static org.selfdata.vault.VaultTables.RECORD_ID;
import static org.selfdata.vault.VaultTables.RECORD_VERSIONS;
import static org.selfdata.vault.VaultTables.SOURCE_ID;
import static org.selfdata.vault.VaultTables.SUPERSEDED_AT;
import static org.selfdata.vault.VaultTables.TIME_END;
import static org.selfdata.vault.VaultTables.TIME_START;
import static org.selfdata.vault.VaultTables.TYPE;
import static org.selfdata.vault.VaultTables.VERSION;

/**
 * A person's records: reading them opened, and rectifying them with their history kept.
 *
 * <p>Reads are for the gate. Nothing else should call {@link #read}: the gate is where grants narrow a query and
 * precision is applied, so a surface that read here directly would bypass both.
 */
public final class Records {
    private static final int FETCH_SIZE = 2_000;

    private final Database database;
    private final Keyring keyring;
    private final Clock clock;

    Records(Database database, Keyring keyring, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.keyring = requireNonNull(keyring, "keyring is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Streams a person's records matching the query, in order of start time then id, payloads opened. The stream
     * holds a database connection: close it (try-with-resources) when done.
     */
    public Stream<StoredRecord> read(PersonId person, RecordQuery query) {
        requireNonNull(query, "query is null");
        ResultQuery<Record> select = selectRecords(database.renderer(), person, query);
        Connection connection = database.openReader(person);
        try {
            PreparedStatement statement = connection.prepareStatement(select.getSQL(ParamType.INDEXED));
            List<Object> binds = select.getBindValues();
            for (int index = 0; index < binds.size(); index++) {
                statement.setObject(index + 1, binds.get(index));
            }
            statement.setFetchSize(FETCH_SIZE);
            ResultSet rows = statement.executeQuery();
            RecordOpener opener = new RecordOpener(person, source -> keyring.keys(database.dsl(connection), person, source));
            Spliterator<StoredRecord> records = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                    Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE) {
                @Override
                public boolean tryAdvance(Consumer<? super StoredRecord> action) {
                    try {
                        if (!rows.next()) {
                            return false;
                        }
                        action.accept(opener.open(rows));
                        return true;
                    }
                    catch (SQLException e) {
                        throw Database.failure(e, "reading records");
                    }
                }
            };
            return StreamSupport.stream(records, false).onClose(() -> {
                closeQuietly(rows, statement);
                database.closeReader(connection);
            });
        }
        catch (SQLException | RuntimeException e) {
            database.closeReader(connection);
            throw e instanceof SQLException sql ? Database.failure(sql, "reading records") : (RuntimeException) e;
        }
    }

    public Optional<StoredRecord> find(PersonId person, RecordId id) {
        return database.transaction(person, connection -> {
            RecordOpener opener = new RecordOpener(person, source -> keyring.keys(database.dsl(connection), person, source));
            try (PreparedStatement statement = prepare(connection, database.renderer()
                    .select(RecordOpener.COLUMNS).from(RECORDS)
                    .where(PERSON_ID.eq(person.value()).and(RECORD_ID.eq(id.value()))));
                 ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(opener.open(rows)) : Optional.<StoredRecord>empty();
            }
        });
    }

    /** A record with the versions it had before each rectification, oldest first. */
    public RecordHistory history(PersonId person, RecordId id) {
        StoredRecord current = find(person, id).orElseThrow(() -> notFound(id));
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            SourceKeys keys = keyring.keys(dsl, person, current.provenance().source());
            List<RecordHistory.Superseded> earlier = new ArrayList<>();
            for (Record row : dsl.select(VaultTables.columns(RECORD_VERSIONS)).from(RECORD_VERSIONS)
                    .where(PERSON_ID.eq(person.value()).and(RECORD_ID.eq(id.value())))
                    .orderBy(VERSION).fetch()) {
                int version = row.get(VERSION);
                byte[] json = keys.open(row.get(PAYLOAD), AssociatedData.record(person, id, version, current.type()));
                StoredRecord superseded = new StoredRecord(id, current.type(), Category.fromTerm(row.get(CATEGORY)),
                        TimeSpan.ofEpochMillis(row.get(TIME_START), row.get(TIME_END)), current.provenance(),
                        current.occurrence(), version, json);
                earlier.add(new RecordHistory.Superseded(superseded, Instant.ofEpochMilli(row.get(SUPERSEDED_AT))));
            }
            return new RecordHistory(current, earlier);
        });
    }

    /**
     * Replaces a record's payload and time with corrected ones. The version it replaces moves, still sealed, to the
     * record's history. The fingerprint stays the original's, so importing the original file again does not bring
     * the mistake back as a new record.
     */
    public StoredRecord rectify(PersonId person, RecordId id, Payload payload, TimeSpan time) {
        requireNonNull(payload, "payload is null");
        requireNonNull(time, "time is null");
        StoredRecord current = find(person, id).orElseThrow(() -> notFound(id));
        if (payload.type() != current.type()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "record " + id + " is a " + current.type()
                    + "; a rectification must keep its type, not make it a " + payload.type());
        }
        int version = current.version() + 1;
        byte[] json = PayloadCodec.encode(payload);
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            SourceKeys keys = keyring.keys(dsl, person, current.provenance().source());
            Record row = dsl.select(PAYLOAD, VERSION).from(RECORDS)
                    .where(PERSON_ID.eq(person.value()).and(RECORD_ID.eq(id.value()))).fetchOne();
            if (row == null || row.get(VERSION) != current.version()) {
                throw new SelfdataException(ErrorCode.CONFLICT, "record " + id + " changed while it was being rectified; try again");
            }
            dsl.insertInto(RECORD_VERSIONS)
                    .set(PERSON_ID, person.value())
                    .set(RECORD_ID, id.value())
                    .set(VERSION, current.version())
                    .set(SOURCE_ID, current.provenance().source().value())
                    .set(CATEGORY, current.category().term())
                    .set(TIME_START, current.time().startMillis())
                    .set(TIME_END, current.time().endMillis())
                    .set(PAYLOAD, row.get(PAYLOAD))
                    .set(SUPERSEDED_AT, clock.millis())
                    .execute();
            dsl.update(RECORDS)
                    .set(VERSION, version)
                    .set(TIME_START, time.startMillis())
                    .set(TIME_END, time.endMillis())
                    .set(PAYLOAD, keys.seal(json, AssociatedData.record(person, id, version, current.type())))
                    .where(PERSON_ID.eq(person.value()).and(RECORD_ID.eq(id.value())))
                    .execute();
            return new StoredRecord(id, current.type(), current.category(), time, current.provenance(), current.occurrence(),
                    version, json);
        });
    }

    static ResultQuery<Record> selectRecords(DSLContext dsl, PersonId person, RecordQuery query) {
        Condition condition = PERSON_ID.eq(person.value());
        if (!query.types().isEmpty()) {
            condition = condition.and(TYPE.in(query.types().stream().map(RecordType::id).sorted().toList()));
        }
        if (!query.categories().isEmpty()) {
            condition = condition.and(CATEGORY.in(query.categories().stream().map(Category::term).sorted().toList()));
        }
        if (query.from().isPresent()) {
            condition = condition.and(TIME_START.ge(query.from().get().toEpochMilli()));
        }
        if (query.to().isPresent()) {
            condition = condition.and(TIME_START.lt(query.to().get().toEpochMilli()));
        }
        if (query.after().isPresent()) {
            condition = condition.and(row(TIME_START, RECORD_ID).gt(query.after().get().startMillis(), query.after().get().id().value()));
        }
        var ordered = dsl.select(RecordOpener.COLUMNS).from(RECORDS).where(condition).orderBy(TIME_START, RECORD_ID);
        return query.limit() == Integer.MAX_VALUE ? ordered : ordered.limit(DSL.inline(query.limit()));
    }

    private static PreparedStatement prepare(Connection connection, ResultQuery<?> query) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(query.getSQL(ParamType.INDEXED));
        List<Object> binds = query.getBindValues();
        for (int index = 0; index < binds.size(); index++) {
            statement.setObject(index + 1, binds.get(index));
        }
        return statement;
    }

    private static SelfdataException notFound(RecordId id) {
        return new SelfdataException(ErrorCode.NOT_FOUND, "there is no record " + id);
    }

    private static void closeQuietly(AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            }
            catch (Exception e) {
                // The read is over either way.
            }
        }
    }

    /** Opens result rows into records, keeping each source's keys at hand for the length of one read. */
    static final class RecordOpener {
        static final List<org.jooq.Field<?>> COLUMNS = List.of(RECORD_ID, SOURCE_ID, BATCH_ID, TYPE, CATEGORY, TIME_START, TIME_END,
                POSITION, OCCURRENCE, VERSION, PAYLOAD);

        private final PersonId person;
        private final java.util.function.Function<SourceId, SourceKeys> keysOf;
        private final Map<Long, SourceKeys> keys = new HashMap<>();

        RecordOpener(PersonId person, java.util.function.Function<SourceId, SourceKeys> keysOf) {
            this.person = person;
            this.keysOf = keysOf;
        }

        StoredRecord open(ResultSet row) throws SQLException {
            RecordId id = RecordId.of(row.getLong(1));
            long source = row.getLong(2);
            RecordType type = RecordType.fromId(row.getString(4));
            int version = row.getInt(10);
            SourceKeys sourceKeys = keys.computeIfAbsent(source, key -> keysOf.apply(SourceId.of(key)));
            byte[] json = sourceKeys.open(row.getBytes(11), AssociatedData.record(person, id, version, type));
            return new StoredRecord(id, type, Category.fromTerm(row.getString(5)),
                    TimeSpan.ofEpochMillis(row.getLong(6), row.getLong(7)),
                    new Provenance(SourceId.of(source), BatchId.of(row.getLong(3)), new Position(row.getString(8))),
                    row.getInt(9), version, json);
        }
    }
}
