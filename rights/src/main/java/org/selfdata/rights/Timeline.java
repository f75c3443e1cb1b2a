package org.selfdata.rights;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A request and every step it went through, in order. The days the deadlines are counted from are read here: when
 * the request was sent and received, when the organization asked for identification and when it was given, when it
 * notified an extension, when a complaint was lodged.
 */
public record Timeline(RightsRequest request, List<RequestEvent> events) {
    public Timeline {
        requireNonNull(request, "request is null");
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a timeline starts with the request's draft");
        }
    }

    /** The latest step. */
    public RequestEvent latest() {
        return events.getLast();
    }

    /** Where the request stands. */
    public RequestStatus status() {
        return latest().status();
    }

    /** The first step that reached the status, if any did. */
    public Optional<RequestEvent> first(RequestStatus status) {
        return events.stream().filter(event -> event.status() == status).findFirst();
    }

    /** The latest step that reached the status, if any did. */
    public Optional<RequestEvent> last(RequestStatus status) {
        return events.reversed().stream().filter(event -> event.status() == status).findFirst();
    }

    /** The day the request was sent. */
    public Optional<LocalDate> sentOn() {
        return first(RequestStatus.SENT).map(RequestEvent::happenedOn);
    }

    /** The day the organization received the request: the time limit of art. 12(3) runs from it. */
    public Optional<LocalDate> receivedOn() {
        return first(RequestStatus.RECEIVED).map(RequestEvent::happenedOn);
    }

    /** The day the organization notified an extension, and whether it gave reasons. */
    public Optional<RequestEvent> extension() {
        return first(RequestStatus.EXTENDED);
    }

    /** The day the organization last asked for identification (art. 12(6)). */
    public Optional<LocalDate> identificationAskedOn() {
        return last(RequestStatus.IDENTIFICATION_ASKED).map(RequestEvent::happenedOn);
    }

    /** The day the person last gave the identification asked for. */
    public Optional<LocalDate> identificationGivenOn() {
        return last(RequestStatus.IDENTIFICATION_GIVEN).map(RequestEvent::happenedOn);
    }

    /** The day the person lodged a complaint with the supervisory authority (art. 77, and 78(2) from then on). */
    public Optional<LocalDate> complaintLodgedOn() {
        return first(RequestStatus.COMPLAINT_LODGED).map(RequestEvent::happenedOn);
    }
}
