package org.selfdata.rights;

import org.selfdata.texts.Wording;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Where a request stands against the deadline that applies to it today: the line a Rights page, the overview or the
 * command line shows for it.
 *
 * @param kind which deadline applies
 * @param date its last day
 * @param today the day the status was taken
 * @param reasons how the date was counted, said in the reader's language
 */
public record DeadlineStatus(DeadlineKind kind, LocalDate date, LocalDate today, List<Wording> reasons) {
    public DeadlineStatus {
        requireNonNull(kind, "kind is null");
        requireNonNull(date, "date is null");
        requireNonNull(today, "today is null");
        reasons = List.copyOf(reasons);
    }

    static DeadlineStatus of(Deadline deadline, LocalDate today) {
        return new DeadlineStatus(deadline.kind(), deadline.date(), today, deadline.reasons());
    }

    /** Days from today to the last day: 0 on the last day itself, negative once it has passed. */
    public long daysLeft() {
        return ChronoUnit.DAYS.between(today, date);
    }

    /** Whether the last day has passed: a deadline is met until the end of its last day. */
    public boolean overdue() {
        return today.isAfter(date);
    }

    /** The status in one line: what is due, on which day, and the days left or the days late. */
    public Wording summary() {
        String state = overdue() ? "overdue" : "due";
        long days = overdue() ? -daysLeft() : daysLeft();
        String key = "rights.deadline.status." + kind.term() + "." + state;
        return Wording.of(key, DayWording.of(date), days);
    }
}
