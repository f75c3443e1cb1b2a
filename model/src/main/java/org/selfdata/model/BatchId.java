package org.selfdata.model;

/** Identifies an import batch; numbers are allocated by the vault and never reused for another import batch. */
public record BatchId(long value) implements Comparable<BatchId> {
    public BatchId {
        if (value <= 0) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "batch id must be positive, was " + value);
        }
    }

    public static BatchId of(long value) {
        return new BatchId(value);
    }

    @Override
    public int compareTo(BatchId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
