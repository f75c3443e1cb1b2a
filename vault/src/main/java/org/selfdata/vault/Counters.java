package org.selfdata.vault;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.SelectConditionStep;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import static java.util.Objects.requireNonNull;
import static org.selfdata.vault.VaultTables.NEXT_BATCH_ID;
import static org.selfdata.vault.VaultTables.NEXT_RECORD_ID;
import static org.selfdata.vault.VaultTables.NEXT_SOURCE_ID;
import static org.selfdata.vault.VaultTables.PERSONS;
import static org.selfdata.vault.VaultTables.PERSON_ID;
import static org.selfdata.vault.VaultTables.RECORDS_CHANGED;

/**
 * A person's id counters for sources, batches and records, read under a lock for the rest of the transaction.
 *
 * <p>Ids are numbered per person, not per vault, so an export restored into another vault keeps its ids whoever
 * else that vault holds. The vault picks record ids itself, before writing, because each id is part of its
 * record's sealed associated data. Reading the counters locks the person's row (FOR UPDATE on PostgreSQL; SQLite
 * write transactions are exclusive already), so two imports for one person take turns.
 */
final class Counters {
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

    static Counters lock(DSLContext dsl, Database database, PersonId person) {
        SelectConditionStep<Record3<Long, Long, Long>> select = dsl.select(NEXT_SOURCE_ID, NEXT_BATCH_ID, NEXT_RECORD_ID)
                .from(PERSONS)
                .where(PERSON_ID.eq(person.value()));
        Record3<Long, Long, Long> row = database.isPostgres() ? select.forUpdate().fetchOne() : select.fetchOne();
        if (row == null) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.vault.noPerson", person.toString()));
        }
        return new Counters(person, row.value1(), row.value2(), row.value3());
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
            dsl.update(PERSONS).set(NEXT_RECORD_ID, counters.nextRecord + count)
                    .where(PERSON_ID.eq(person.value())).execute();
            return counters.nextRecord;
        });
    }

    /** Takes the next batch number, as {@link #reserveRecords} does record numbers. */
    static long reserveBatch(Database database, PersonId person) {
        return database.transaction(person, connection -> {
            DSLContext dsl = database.dsl(connection);
            Counters counters = lock(dsl, database, person);
            dsl.update(PERSONS).set(NEXT_BATCH_ID, counters.nextBatch + 1).where(PERSON_ID.eq(person.value())).execute();
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
        dsl.update(PERSONS).set(counter, first).where(PERSON_ID.eq(person.value()).and(counter.eq(end))).execute();
    }

    /**
     * Counts one more change of the person's records, in the transaction that makes it: whoever keeps what it read of
     * them learns from the count ({@link Records#changes}) that it must read them again.
     */
    static void recordsChanged(DSLContext dsl, PersonId person) {
        dsl.update(PERSONS).set(RECORDS_CHANGED, RECORDS_CHANGED.plus(1)).where(PERSON_ID.eq(person.value())).execute();
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
        dsl.update(PERSONS)
                .set(NEXT_BATCH_ID, newNextBatch)
                .set(NEXT_RECORD_ID, newNextRecord)
                .where(PERSON_ID.eq(person.value()))
                .execute();
    }

    void saveNextSource(DSLContext dsl, long newNextSource) {
        dsl.update(PERSONS).set(NEXT_SOURCE_ID, newNextSource).where(PERSON_ID.eq(person.value())).execute();
    }
}
