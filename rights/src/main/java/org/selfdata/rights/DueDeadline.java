package org.selfdata.rights;

import static java.util.Objects.requireNonNull;

/**
 * A deadline a reminder names: near, within the days the person chose, or passed.
 *
 * @param request the request it is a deadline of
 * @param status where the request stands against it today
 */
record DueDeadline(RightsRequest request, DeadlineStatus status) {
    DueDeadline {
        requireNonNull(request, "request is null");
        requireNonNull(status, "status is null");
    }

    /** The deadline itself, whatever its state: its request, what it is for and its last day. */
    String deadline() {
        return request.id() + "/" + status.kind().term() + "/" + status.date();
    }

    /**
     * The deadline and its state, as the record of what was sent keeps it: a deadline named as near is named again
     * once it has passed, and a new last day (an extension, a receipt corrected) is a new deadline.
     */
    String mark() {
        return deadline() + "/" + (status.overdue() ? "overdue" : "near");
    }
}
