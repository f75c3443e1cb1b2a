package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.LogAction;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which step a request can take next, and how its log entry names it. A draft is sent or abandoned; the organization's
 * steps (receipt, a request for identification, an extension, an answer, a refusal) and the person's reminders and
 * complaints come only once the request was sent; an extension comes once, before any answer (art. 12(3));
 * identification is given only when it was asked for (art. 12(6)); a closed request takes no step. Days go forward: a
 * step cannot have happened before the step before it, nor after today. The draft's day is the day it was entered,
 * which bounds nothing: a person may enter a request they sent on paper weeks ago.
 */
final class Lifecycle {
    private static final Set<RequestStatus> ANSWERS = EnumSet.of(RequestStatus.ANSWERED_COMPLETE,
            RequestStatus.ANSWERED_INCOMPLETE, RequestStatus.REFUSED);

    private Lifecycle() {}

    /** Refuses the step, saying why, unless the timeline allows it. */
    static void requireAllowed(Timeline timeline, RequestStatus next, LocalDate happenedOn, LocalDate today) {
        RequestStatus current = timeline.status();
        String request = timeline.request().reference();
        if (current == RequestStatus.CLOSED) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.rights.request.closed", request));
        }
        if (next == RequestStatus.DRAFT || next == RequestStatus.SENT && current != RequestStatus.DRAFT) {
            throw transition(request, current, next);
        }
        if (current == RequestStatus.DRAFT && next != RequestStatus.SENT && next != RequestStatus.CLOSED) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.rights.request.notSent", request,
                    next.term()));
        }
        requireOrder(timeline, current, next, request);
        if (happenedOn.isAfter(today)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.request.future",
                    happenedOn.toString()));
        }
        if (current != RequestStatus.DRAFT && happenedOn.isBefore(timeline.latest().happenedOn())) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.request.beforePrevious",
                    happenedOn.toString(), timeline.latest().happenedOn().toString()));
        }
    }

    /**
     * What a reminder or a complaint would follow up, or why neither can be drafted yet: they follow an answer overdue,
     * refused or incomplete (art. 12(3) and (4), art. 77). The organization's latest word decides: a refusal, an
     * incomplete answer, or a complete one, after which there is nothing to escalate; without an answer, the deadline
     * must have passed, a deadline being met until the end of its last day.
     *
     * @param deadline the last day of the time limit, extended or not; empty while the clock stands still for
     *     identification
     * @param missing the items of the checklist an access answer lacks
     */
    static Outcome escalation(Timeline timeline, Optional<LocalDate> deadline, LocalDate today,
            Set<AccessItem> missing) {
        String request = timeline.request().reference();
        if (timeline.status() == RequestStatus.CLOSED) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.rights.request.closed", request));
        }
        Optional<RequestEvent> answer = timeline.events().reversed().stream()
                .filter(event -> ANSWERS.contains(event.status())).findFirst();
        if (answer.isPresent()) {
            RequestEvent latest = answer.orElseThrow();
            if (latest.status() == RequestStatus.REFUSED) {
                return new Outcome.Refusal(latest.happenedOn());
            }
            if (latest.status() == RequestStatus.ANSWERED_INCOMPLETE) {
                return new Outcome.IncompleteAnswer(latest.happenedOn(),
                        timeline.request().right() == Right.ACCESS ? missing : Set.of());
            }
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.rights.desk.answeredInFull", request));
        }
        if (deadline.isEmpty()) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.rights.desk.clockStopped", request));
        }
        if (!today.isAfter(deadline.orElseThrow())) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.rights.desk.notOverdue", request,
                    DayWording.of(deadline.orElseThrow())));
        }
        return new Outcome.NoAnswer();
    }

    private static void requireOrder(Timeline timeline, RequestStatus current, RequestStatus next, String request) {
        switch (next) {
            case RECEIVED -> {
                if (current != RequestStatus.SENT) {
                    throw transition(request, current, next);
                }
            }
            case IDENTIFICATION_GIVEN -> {
                if (current != RequestStatus.IDENTIFICATION_ASKED) {
                    throw new SelfdataException(ErrorCode.CONFLICT,
                            Wording.of("error.rights.request.identificationNotAsked", request));
                }
            }
            case EXTENDED -> {
                if (timeline.extension().isPresent()) {
                    throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.rights.request.extendedTwice",
                            request));
                }
                if (timeline.events().stream().anyMatch(event -> ANSWERS.contains(event.status()))) {
                    throw transition(request, current, next);
                }
            }
            case DRAFT, SENT, IDENTIFICATION_ASKED, ANSWERED_COMPLETE, ANSWERED_INCOMPLETE, REFUSED, REMINDER_SENT,
                    COMPLAINT_LODGED, CLOSED -> {
                // Once sent, the organization and the person may take these steps in any order.
            }
        }
    }

    /**
     * How the log names a step: what the person sends is a letter, what the organization does is an answer, and the
     * draft and the closing are the request's own steps.
     */
    static LogAction action(RequestStatus status) {
        return switch (status) {
            case SENT, IDENTIFICATION_GIVEN, REMINDER_SENT, COMPLAINT_LODGED -> LogAction.LETTER;
            case RECEIVED, IDENTIFICATION_ASKED, EXTENDED, ANSWERED_COMPLETE, ANSWERED_INCOMPLETE, REFUSED ->
                    LogAction.ANSWER;
            case DRAFT, CLOSED -> LogAction.REQUEST;
        };
    }

    private static SelfdataException transition(String request, RequestStatus current, RequestStatus next) {
        return new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.rights.request.transition", request,
                current.term(), next.term()));
    }
}
