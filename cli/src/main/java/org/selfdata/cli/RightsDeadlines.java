package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.Deadline;
import org.selfdata.rights.DeadlineStatus;
import org.selfdata.rights.Deadlines;
import org.selfdata.rights.RequestDates;
import org.selfdata.texts.Wording;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Every deadline of a request on a day, as {@code selfdata rights deadline} shows them.
 *
 * @param receivedOn the day of receipt, given or estimated
 * @param status the deadline that applies today
 * @param answer the one-month answer deadline; empty while the clock stands still for identification
 * @param extendedAnswer the three-month deadline, when the organization extended in time
 * @param possibleExtension the three-month deadline the organization may still extend to, when it has not extended
 * @param refusal the deadline to refuse with reasons; empty while the clock stands still
 * @param authorityProgress the authority's deadline, once a complaint is lodged
 */
record RightsDeadlines(LocalDate receivedOn, DeadlineStatus status, Optional<LocalDate> answer,
        Optional<LocalDate> extendedAnswer, Optional<LocalDate> possibleExtension, Optional<LocalDate> refusal,
        Optional<LocalDate> authorityProgress) {

    /**
     * Counts the deadlines on a day. A receipt estimated after that day (a letter still in the post) is counted as
     * if that day were its receipt, then the days left are counted from the real day.
     */
    static RightsDeadlines count(Deadlines deadlines, RequestDates dates, LocalDate today) {
        LocalDate counting = today;
        if (dates.receivedOn().isAfter(today)) {
            refuseAfter(dates.extensionNotifiedOn(), "extension-notified", today);
            refuseAfter(dates.identificationAskedOn(), "identification-asked", today);
            refuseAfter(dates.identificationGivenOn(), "identification-given", today);
            refuseAfter(dates.complaintLodgedOn(), "complaint-lodged", today);
            counting = dates.receivedOn();
        }
        DeadlineStatus counted = deadlines.status(dates, counting);
        DeadlineStatus status = new DeadlineStatus(counted.kind(), counted.date(), today, counted.reasons());
        Optional<LocalDate> answer = deadlines.answer(dates).map(Deadline::date);
        Optional<LocalDate> extended = deadlines.extendedAnswer(dates).map(Deadline::date);
        Optional<LocalDate> possible = dates.extensionNotifiedOn().isPresent() ? Optional.empty()
                : deadlines.extendedAnswer(dates.withExtensionNotifiedOn(dates.receivedOn())).map(Deadline::date);
        return new RightsDeadlines(dates.receivedOn(), status, answer, extended, possible,
                deadlines.refusal(dates).map(Deadline::date), deadlines.authorityProgress(dates).map(Deadline::date));
    }

    /** Refuses a date after today, as the rights desk does for a receipt that is not estimated. */
    private static void refuseAfter(Optional<LocalDate> day, String fact, LocalDate today) {
        if (day.isPresent() && day.get().isAfter(today)) {
            String key = "rights.deadline.fact." + fact;
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.rights.deadlines.future", Wording.of(key)));
        }
    }
}
