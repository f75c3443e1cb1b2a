package org.selfdata.rights;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What the reminders by e-mail already told the person: the day the last one went, since one goes at most each day,
 * and each deadline it named with its state, since none is named twice in the same state.
 *
 * @param lastSent the day the last reminder was sent, if one was
 * @param deadlines the deadlines named, each as {@link DueDeadline#mark()} writes it
 */
record Reminded(Optional<LocalDate> lastSent, Set<String> deadlines) {
    static final Reminded NOTHING = new Reminded(Optional.empty(), Set.of());

    Reminded {
        requireNonNull(lastSent, "lastSent is null");
        deadlines = Set.copyOf(deadlines);
    }
}
