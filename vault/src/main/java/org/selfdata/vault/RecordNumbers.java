package org.selfdata.vault;

import org.selfdata.model.PersonId;

import java.util.Optional;

/**
 * The numbers an import gives its records, in order: counted on from the person's counter inside a transaction that
 * holds it, or taken from it in blocks, each in a short transaction of its own, by an import that stages its records
 * while holding nothing. Blocks grow as the import does, so that a large file takes a few hundred blocks rather than a
 * transaction every thousand records, and a push or a small file wastes few numbers.
 */
final class RecordNumbers {
    private static final long FIRST_BLOCK = 1_024;
    private static final long LARGEST_BLOCK = 65_536;

    /** Where blocks are taken from: a person's counter in a database. */
    private record Counter(Database database, PersonId person) {}

    private final Optional<Counter> counter;
    private final TakenNumbers taken = new TakenNumbers();
    private long next;
    private long end;
    private long block = FIRST_BLOCK;

    private RecordNumbers(Optional<Counter> counter, long next, long end) {
        this.counter = counter;
        this.next = next;
        this.end = end;
    }

    /** Numbers counted on from {@code first}; the caller holds the person's counter and saves {@link #next()}. */
    static RecordNumbers from(long first) {
        return new RecordNumbers(Optional.empty(), first, Long.MAX_VALUE);
    }

    /** Numbers taken from the person's counter in blocks, as they are needed. */
    static RecordNumbers reserved(Database database, PersonId person) {
        return new RecordNumbers(Optional.of(new Counter(database, person)), 0, 0);
    }

    /** The next record's number. */
    long take() {
        if (next == end) {
            Counter from = counter.orElseThrow();
            next = Counters.reserveRecords(from.database(), from.person(), block);
            end = next + block;
            taken.took(next, block);
            block = Math.min(LARGEST_BLOCK, block * 2);
        }
        return next++;
    }

    /** The number the next record would be given. */
    long next() {
        return next;
    }

    /** The blocks taken from the counter. */
    TakenNumbers taken() {
        return taken;
    }
}
