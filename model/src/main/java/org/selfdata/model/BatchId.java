package org.selfdata.model;

import org.selfdata.texts.Wording;

/** Identifies an import batch; numbers are allocated by the vault and never reused for another import batch. */
public record BatchId(long value) implements Comparable<BatchId> {
    public BatchId {
        if (value <= 0) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.batchIdNotPositive", Long.toString(value)));
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
