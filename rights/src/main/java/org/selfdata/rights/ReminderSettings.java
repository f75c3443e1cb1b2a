package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;

import static java.util.Objects.requireNonNull;

/**
 * What the person chose about reminders of their deadlines by e-mail: whether they want them, how many days before a
 * deadline the first one goes, and the language they are written in, the one the person used when turning them on.
 *
 * @param enabled whether reminders are sent; off until the person turns them on
 * @param daysBefore how many days before its last day a deadline is said to be near, from 0 (on the day) to 30
 * @param language the language of the reminders
 */
public record ReminderSettings(boolean enabled, int daysBefore, Language language) {
    /** Three days: time enough to look at a request before its deadline, close enough not to be forgotten. */
    public static final int DEFAULT_DAYS_BEFORE = 3;
    public static final int MAXIMUM_DAYS_BEFORE = 30;

    /** Reminders as they are until the person turns them on. */
    public static final ReminderSettings OFF = new ReminderSettings(false, DEFAULT_DAYS_BEFORE, Language.ENGLISH);

    public ReminderSettings {
        requireNonNull(language, "language is null");
        requireDaysBefore(daysBefore);
    }

    /** Refuses a number of days outside 0 to 30, which the person typed or sent. */
    public static int requireDaysBefore(int daysBefore) {
        if (daysBefore < 0 || daysBefore > MAXIMUM_DAYS_BEFORE) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.reminders.days"));
        }
        return daysBefore;
    }
}
