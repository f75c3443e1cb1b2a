package org.selfdata.rights;

import org.selfdata.model.PersonId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Files the messages fetched from the person's mailbox: each one that answers a waiting request becomes that request's
 * answer, with the message itself and its files as documents, recorded as incomplete until the person has ticked its
 * checklist, which the message's text and files pre-fill. A message that matches no request changes nothing.
 */
final class DeskMail {
    /** The statuses of a request that waits for the organization. */
    private static final Set<RequestStatus> WAITING = EnumSet.of(RequestStatus.SENT, RequestStatus.RECEIVED,
            RequestStatus.IDENTIFICATION_ASKED, RequestStatus.IDENTIFICATION_GIVEN, RequestStatus.EXTENDED,
            RequestStatus.REMINDER_SENT);

    private final RightsDesk desk;
    private final Requests requests;

    DeskMail(RightsDesk desk, Requests requests) {
        this.desk = requireNonNull(desk, "desk is null");
        this.requests = requireNonNull(requests, "requests is null");
    }

    MailAnswers file(PersonId person, Fetched fetched, LocalDate today) {
        List<String> answered = new ArrayList<>();
        int unmatched = 0;
        for (ReceivedMail mail : fetched.messages()) {
            List<WaitingRequest> waiting = waiting(person);
            MailMatch match = MailMatcher.match(mail, waiting);
            if (match instanceof MailMatch.Matched matched) {
                LocalDate deliveredOn = mail.deliveredAt().at().atZone(desk.settingsZone(person)).toLocalDate();
                List<Requests.Attachment> documents = new ArrayList<>();
                documents.add(new Requests.Attachment("message-" + mail.uid() + ".eml", "message/rfc822", mail.raw()));
                mail.attachments().forEach(attachment -> documents.add(new Requests.Attachment(attachment.fileName(),
                        attachment.mediaType(), attachment.bytes())));
                RightsDesk.AnswerReport report = desk.answer(person, matched.requestId(),
                        deliveredOn.isAfter(today) ? today : deliveredOn, false, documents, Optional.of(mail.text()));
                answered.add(report.timeline().request().reference());
            }
            else {
                unmatched++;
            }
        }
        return new MailAnswers(answered, unmatched, fetched.skipped());
    }

    private List<WaitingRequest> waiting(PersonId person) {
        List<WaitingRequest> waiting = new ArrayList<>();
        for (Requests.Summary summary : requests.list(person)) {
            RightsRequest request = summary.request();
            Optional<String> email = request.organization().email();
            if (WAITING.contains(summary.latest().status()) && email.isPresent()) {
                waiting.add(new WaitingRequest(request.id(), request.reference(),
                        desk.settings().sentMessage(person, request.id()).stream().toList(), email.orElseThrow()));
            }
        }
        return waiting;
    }
}
