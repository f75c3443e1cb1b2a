package org.selfdata.rights;

import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;

import static java.util.Objects.requireNonNull;

/** What became of one person's reminder of deadlines on one run. */
public sealed interface ReminderOutcome {
    /** The person the reminder was for. */
    PersonId person();

    /**
     * The reminder went to the person's mailbox, and the deadlines it names are recorded as named.
     *
     * @param deadlines how many deadlines it names
     */
    record Sent(PersonId person, int deadlines) implements ReminderOutcome {
        public Sent {
            requireNonNull(person, "person is null");
        }
    }

    /** No deadline is near or passed that an earlier reminder has not named in the same state: nothing was sent. */
    record NothingNew(PersonId person) implements ReminderOutcome {
        public NothingNew {
            requireNonNull(person, "person is null");
        }
    }

    /** A reminder went today already: the next one goes tomorrow at the earliest. */
    record AlreadySentToday(PersonId person) implements ReminderOutcome {
        public AlreadySentToday {
            requireNonNull(person, "person is null");
        }
    }

    /**
     * The reminder could not be sent (the mail server down or refusing, the mailbox gone): nothing is recorded as sent,
     * and the next run tries again.
     *
     * @param failure what went wrong, in words that quote nothing of the person's
     */
    record Failed(PersonId person, SelfdataException failure) implements ReminderOutcome {
        public Failed {
            requireNonNull(person, "person is null");
            requireNonNull(failure, "failure is null");
        }
    }
}
