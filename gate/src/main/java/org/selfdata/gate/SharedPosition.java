package org.selfdata.gate;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * Where a record stands in a recipient's order: the start of the unit of the grant's time precision it began in, then
 * its pseudonym. Both are what the recipient receives of the record, so the order, and every page cut from it, tells
 * nothing the records themselves do not: not which of two records of one day came first.
 */
record SharedPosition(Instant unit, String pseudonym) implements Comparable<SharedPosition> {
    SharedPosition {
        requireNonNull(unit, "unit is null");
        requireNonNull(pseudonym, "pseudonym is null");
    }

    /** By unit, then by pseudonym; written out rather than composed, since a shared page compares thousands. */
    @Override
    public int compareTo(SharedPosition other) {
        int byUnit = unit.compareTo(other.unit);
        return byUnit != 0 ? byUnit : pseudonym.compareTo(other.pseudonym);
    }
}
