package org.selfdata.rights;

import java.util.Comparator;

/** The order the person reads their requests in: overdue first, then by the nearest deadline, then newest first. */
final class RequestOrder {
    static final Comparator<RightsDesk.RequestView> FOR_THE_PERSON = Comparator
            .comparing((RightsDesk.RequestView view) -> view.deadline().map(status -> status.overdue() ? 0 : 1).orElse(2))
            .thenComparing(view -> view.deadline().map(DeadlineStatus::date).orElse(java.time.LocalDate.MAX))
            .thenComparing(view -> view.timeline().request().created(), Comparator.reverseOrder());

    private RequestOrder() {}
}
