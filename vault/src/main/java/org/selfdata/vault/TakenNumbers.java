package org.selfdata.vault;

/**
 * The numbers an import took from one of the person's counters, as far as they can be given back: the last run of them
 * that nobody interrupted. A run begins again whenever a new take does not start where the previous ended, since the
 * numbers between were someone else's.
 */
final class TakenNumbers {
    private long first = -1;
    private long end = -1;

    /** Notes that {@code count} numbers were taken from {@code start} on. */
    void took(long start, long count) {
        if (start != end) {
            first = start;
        }
        end = start + count;
    }

    boolean any() {
        return end >= 0;
    }

    /** The first number of the last uninterrupted run taken. */
    long first() {
        return first;
    }

    /** The number after the last taken: where the counter stands if nobody took numbers since. */
    long end() {
        return end;
    }
}
