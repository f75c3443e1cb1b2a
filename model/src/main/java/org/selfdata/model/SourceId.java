package org.selfdata.model;

import org.selfdata.texts.Wording;

/** Identifies a source; numbers are allocated by the vault and never reused for another source. */
public record SourceId(long value) implements Comparable<SourceId> {
    public SourceId {
        if (value <= 0) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.sourceIdNotPositive", Long.toString(value)));
        }
    }

    public static SourceId of(long value) {
        return new SourceId(value);
    }

    @Override
    public int compareTo(SourceId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
