package org.selfdata.model;

/**
 * Identifies a record within its person's data; numbers are allocated by the vault and never reused for another
 * record. It is part of the associated data that binds a sealed payload to its row.
 */
public record RecordId(long value) implements Comparable<RecordId> {
    public RecordId {
        if (value <= 0) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "record id must be positive, was " + value);
        }
    }

    public static RecordId of(long value) {
        return new RecordId(value);
    }

    @Override
    public int compareTo(RecordId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
