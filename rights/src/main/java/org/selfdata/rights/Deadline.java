package org.selfdata.rights;

import org.selfdata.texts.Wording;

import java.time.LocalDate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A deadline and how it was counted.
 *
 * @param kind what it is for
 * @param date the last day: the period ends at the end of it
 * @param reasons how the date follows from the facts and the law, in the order a person would check them
 */
public record Deadline(DeadlineKind kind, LocalDate date, List<Wording> reasons) {
    public Deadline {
        requireNonNull(kind, "kind is null");
        requireNonNull(date, "date is null");
        reasons = List.copyOf(reasons);
    }
}
