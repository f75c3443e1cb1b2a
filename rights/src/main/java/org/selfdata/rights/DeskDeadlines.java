package org.selfdata.rights;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The dates of a request's timeline that its deadlines are counted from, and the deadline that applies today. A
 * request not yet sent has none; one answered, refused or closed has none left to wait for, until a complaint is lodged.
 */
final class DeskDeadlines {
    private static final Set<RequestStatus> SETTLED = EnumSet.of(RequestStatus.ANSWERED_COMPLETE, RequestStatus.CLOSED);
    private static final Set<RequestStatus> ANSWERED = EnumSet.of(RequestStatus.ANSWERED_COMPLETE,
            RequestStatus.ANSWERED_INCOMPLETE, RequestStatus.REFUSED, RequestStatus.REMINDER_SENT);

    private DeskDeadlines() {}

    /** The dates the deadlines count from: the receipt recorded, or the one estimated from the day it was sent. */
    static Optional<RequestDates> dates(Deadlines deadlines, Timeline timeline) {
        Optional<LocalDate> sent = timeline.sentOn();
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        LocalDate received = timeline.receivedOn()
                .orElseGet(() -> deadlines.estimatedReceipt(timeline.request().channel(), sent.orElseThrow()).date());
        RequestDates dates = RequestDates.received(received);
        if (timeline.extension().filter(RequestEvent::reasonsGiven).isPresent()) {
            dates = dates.withExtensionNotifiedOn(timeline.extension().orElseThrow().happenedOn());
        }
        if (timeline.identificationAskedOn().isPresent()) {
            dates = dates.withIdentificationAskedOn(timeline.identificationAskedOn().orElseThrow());
        }
        if (timeline.identificationGivenOn().isPresent()) {
            dates = dates.withIdentificationGivenOn(timeline.identificationGivenOn().orElseThrow());
        }
        if (timeline.complaintLodgedOn().isPresent()) {
            dates = dates.withComplaintLodgedOn(timeline.complaintLodgedOn().orElseThrow());
        }
        return Optional.of(dates);
    }

    static Optional<DeadlineStatus> status(Deadlines deadlines, Timeline timeline, LocalDate today) {
        RequestStatus status = timeline.status();
        if (SETTLED.contains(status)) {
            return Optional.empty();
        }
        boolean complained = timeline.complaintLodgedOn().isPresent();
        if (!complained && ANSWERED.contains(status)) {
            return Optional.empty();
        }
        // A letter still in the post is received, by estimate, after today: its deadline counts from that day all the
        // same, and its days left from today.
        return dates(deadlines, timeline).map(dates -> {
            DeadlineStatus counted = deadlines.status(dates, dates.receivedOn().isAfter(today) ? dates.receivedOn() : today);
            return new DeadlineStatus(counted.kind(), counted.date(), today, counted.reasons());
        });
    }
}
