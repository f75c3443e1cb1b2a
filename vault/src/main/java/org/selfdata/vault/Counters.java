package org.selfdata.vault;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.util.Optional;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.NEXT_BATCH_ID;
import static org.selfdata.vault.VaultTables.NEXT_RECORD_ID;
import static org.selfdata.vault.VaultTables.NEXT_SOURCE_ID;
import static org.selfdata.vault.VaultTables.PERSONS;
import static org.selfdata.vault.VaultTables.PERSON_COUNTERS;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.RECORDS_CHANGED;

/**
 * A person's id counters for sources, batches and records, read under a lock for the rest of the transaction.
 *
 * <p>Ids are numbered per person, not per vault, so an export restored into another vault keeps its ids whoever
 * else that vault holds. The vault picks record ids itself, before writing, because each id is part of its
 * record's sealed associated data. Reading the counters locks the person's row (FOR UPDATE on PostgreSQL; SQLite
 * write transactions are exclusive already), so two imports for one person take turns.
 *
 * <p>The counters are a table of their own, {@code person_counters}, not columns of {@code persons}: on a Citus
 * cluster {@code persons} is copied to every node, and an import that wrote there committed on every node, while
 * {@code person_counters} lives on the person's node with their records ({@link CitusDistribution}).
 *
 * <p>A person's row is made by the first transaction that needs it, here, rather than when the person is added. People
 * are added in vault-wide transactions that name nobody yet (an owner created, a person enrolled by their identity
 * provider, a vault restored), and the table's row-level security lets only a transaction that names the person write
 * their row; every transaction here names the person it works for. A person without a row has taken no number and seen
 * no change, which the table's defaults say. Two first imports at once both try to make the row; the second's insert
 * does nothing, waits for the first's to commit, and then locks the row as any later import does.
 */
final class Counters {
    /**
     * The count as the row holds it, named with its table: in an insert's {@code ON CONFLICT DO UPDATE}, PostgreSQL
     * finds a bare column name ambiguous between the row held and the row proposed.
     */
    private static final Field<Long> RECORDS_CHANGED_HELD =
            DSL.field(DSL.name("person_counters", "records_changed"), SQLDataType.BIGINT);

    private final PersonId person;
    private final long nextSource;
    private final long nextBatch;
    private final long nextRecord;

    private Counters(PersonId person, long nextSource, long nextBatch, long nextRecord) {
        this.person = requireNonNull(person, "person is null");
        this.nextSource = nextSource;
        this.nextBatch = nextBatch;
        this.nextRecord = nextRecord;
    }

    /**
     * Reads the person's counters and locks them until the transaction ends, making their row first if they have none.
     *
     * @throws SelfdataException {@link ErrorCode#NOT_FOUND} if the vault holds no such person
     */
    static Counters lock(DSLContext dsl, Database database, PersonId person) {
        Optional<Record3<Long, Long, Long>> row = select(dsl, database, person);
        if (row.isEmpty()) {
            if (!dsl.fetchExists(PERSONS, PERSON_ID.eq(person.value()))) {
                throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.vault.noPerson", person.toString()));
            }
            dsl.insertInto(PERSON_COUNTERS).set(PERSON_ID, person.value()).onConflict(PERSON_ID).doNothing().execute();
            row = select(dsl, database, person);
        }
        Record3<Long, Long, Long> counters = row.orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND,
                Wording.of("error.vault.noPerson", person.toString())));
        return new Counters(person, counters.value1(), counters.value2(), counters.value3());
    }

    private static Optional<Record3<Long, Long, Long>> select(DSLContext dsl, Database database, PersonId person) {
        SelectConditionStep<Record3<Long, Long, Long>> select = dsl.select(NEXT_SOURCE_ID, NEXT_BATCH_ID, NEXT_RECORD_ID)
                .from(PERSON_COUNTERS)
                .where(PERSON_ID.eq(person.value()));
        return database.isPostgres() ? select.forUpdate().fetchOptional() : select.fetchOptional();
    }

    /**
     * Takes the next {@code count} record numbers, in a short transaction of their own: an import seals records under
     * their ids before the transaction that publishes them, and holds no lock meanwhile. Numbers an import took and did
     * not use (its duplicates, or all of them if it failed) are never given again; ids need only be unique.
     *
     * @return the first of the numbers taken
     */
    static long reserveRecords(Database database, PersonId person, long count) {
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            Counters counters = lock(dsl, database, person);
            dsl.update(PERSON_COUNTERS).set(NEXT_RECORD_ID, counters.nextRecord + count)
                    .where(PERSON_ID.eq(person.value())).execute();
            return counters.nextRecord;
        });
    }

    /** Takes the next batch number, as {@link #reserveRecords} does record numbers. */
    static long reserveBatch(Database database, PersonId person) {
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            Counters counters = lock(dsl, database, person);
            dsl.update(PERSON_COUNTERS).set(NEXT_BATCH_ID, counters.nextBatch + 1)
                    .where(PERSON_ID.eq(person.value())).execute();
            return counters.nextBatch;
        });
    }

    /** Takes the next source number, as {@link #reserveRecords} does record numbers. */
    static long reserveSource(Database database, PersonId person) {
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            Counters counters = lock(dsl, database, person);
            counters.saveNextSource(dsl, counters.nextSource + 1);
            return counters.nextSource;
        });
    }

    /**
     * Gives back numbers taken from a counter, from {@code first} up to {@code end}, if nobody took any after them: the
     * tail of an import's last block of record numbers that it did not use, or every number an import that failed took.
     * Numbers taken after them stay taken, and these are then never given again.
     */
    static void giveBack(DSLContext dsl, PersonId person, Field<Long> counter, long first, long end) {
        dsl.update(PERSON_COUNTERS).set(counter, first).where(PERSON_ID.eq(person.value()).and(counter.eq(end))).execute();
    }

    /**
     * Counts one more change of the person's records, in the transaction that makes it: whoever keeps what it read of
     * them learns from the count ({@link Records#changes}) that it must read them again. The first change of a person
     * who has no row yet makes it, with a count of one.
     */
    static void recordsChanged(DSLContext dsl, PersonId person) {
        dsl.insertInto(PERSON_COUNTERS).set(PERSON_ID, person.value()).set(RECORDS_CHANGED, 1L)
                .onConflict(PERSON_ID).doUpdate().set(RECORDS_CHANGED, RECORDS_CHANGED_HELD.plus(1))
                .execute();
    }

    /**
     * Sets the next numbers of a person whose export was just restored to follow the ids it brought, making their row if
     * they have none; the count of changes is left as it is.
     */
    static void restored(DSLContext dsl, PersonId person, long nextSource, long nextBatch, long nextRecord) {
        dsl.insertInto(PERSON_COUNTERS)
                .set(PERSON_ID, person.value())
                .set(NEXT_SOURCE_ID, nextSource)
                .set(NEXT_BATCH_ID, nextBatch)
                .set(NEXT_RECORD_ID, nextRecord)
                .onConflict(PERSON_ID).doUpdate()
                .set(NEXT_SOURCE_ID, nextSource)
                .set(NEXT_BATCH_ID, nextBatch)
                .set(NEXT_RECORD_ID, nextRecord)
                .execute();
    }

    long nextSource() {
        return nextSource;
    }

    long nextBatch() {
        return nextBatch;
    }

    long nextRecord() {
        return nextRecord;
    }

    void save(DSLContext dsl, long newNextBatch, long newNextRecord) {
        dsl.update(PERSON_COUNTERS)
                .set(NEXT_BATCH_ID, newNextBatch)
                .set(NEXT_RECORD_ID, newNextRecord)
                .where(PERSON_ID.eq(person.value()))
                .execute();
    }

    void saveNextSource(DSLContext dsl, long newNextSource) {
        dsl.update(PERSON_COUNTERS).set(NEXT_SOURCE_ID, newNextSource).where(PERSON_ID.eq(person.value())).execute();
    }
}
