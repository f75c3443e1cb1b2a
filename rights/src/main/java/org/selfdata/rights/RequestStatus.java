package org.selfdata.rights;

import java.util.Locale;

/**
 * Where a request stands. A request moves from draft to sent, then to received once the organization has it; the
 * organization may ask for identification (art. 12(6)) or extend the time limit (art. 12(3)); it answers (completely or
 * not) or refuses; the person may send a reminder, lodge a complaint with the supervisory authority, and close the
 * request. Whether a request is overdue is not a status: it follows from the deadlines and the date.
 */
public enum RequestStatus {
    DRAFT,
    SENT,
    RECEIVED,
    IDENTIFICATION_ASKED,
    IDENTIFICATION_GIVEN,
    EXTENDED,
    ANSWERED_COMPLETE,
    ANSWERED_INCOMPLETE,
    REFUSED,
    REMINDER_SENT,
    COMPLAINT_LODGED,
    CLOSED;

    /** The name used in the API, on the command line and on the log: lower case, words joined by hyphens. */
    public String term() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
