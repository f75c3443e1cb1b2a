package org.selfdata.model;

import org.selfdata.texts.Wording;

/** Identifies a person within a vault; numbers are allocated by the vault and never reused for another person. */
public record PersonId(long value) implements Comparable<PersonId> {
    public PersonId {
        if (value <= 0) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.personIdNotPositive", Long.toString(value)));
        }
    }

    public static PersonId of(long value) {
        return new PersonId(value);
    }

    @Override
    public int compareTo(PersonId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
