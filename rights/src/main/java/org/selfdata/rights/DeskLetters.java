package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The letters of a request as the desk writes them from what it keeps: the request's timeline, the organization's
 * record (as the directory has it now for what it asks to identify a person; as it was drafted for its addresses), the
 * sender and the identity values the person gave.
 */
final class DeskLetters {
    /** The days a formal notice leaves the organization: a fortnight, as is usual for a mise en demeure. */
    private static final int DAYS_TO_ANSWER_A_REMINDER = 15;

    private final PersonOrganizations organizations;
    private final DeskSettings settings;
    private final IdentityDocuments identityDocuments;

    DeskLetters(PersonOrganizations organizations, DeskSettings settings, IdentityDocuments identityDocuments) {
        this.organizations = requireNonNull(organizations, "organizations is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.identityDocuments = requireNonNull(identityDocuments, "identityDocuments is null");
    }

    Letter request(PersonId person, Timeline timeline, LocalDate date) {
        RightsRequest request = timeline.request();
        Organization organization = organization(person, request);
        Map<String, String> identity = settings.identity(person, request.id());
        List<IdentityValue> values = organization.requiredElements().stream()
                .filter(element -> identity.containsKey(element.kind()))
                .map(element -> new IdentityValue(element, identity.get(element.kind()))).toList();
        Optional<ChangeOfDetail> change = settings.change(person, request.id());
        LetterRequest letter = change.isPresent()
                ? change.orElseThrow().requestTo(organization, sender(person), values, request.reference(), date,
                        request.language(), request.channel())
                : LetterRequest.of(request.right(), organization, sender(person), request.reference(), date,
                        request.language(), request.channel()).identifiedBy(values);
        if (request.portability()) {
            letter = letter.withPortability();
        }
        if (request.about().isPresent()) {
            letter = letter.about(new SubjectMatter(Optional.empty(), Optional.empty(), request.about()));
        }
        if (identityDocumentEnclosed(person, timeline)) {
            letter = letter.withIdentityDocument();
        }
        return Letters.request(letter);
    }

    /**
     * Whether the person encloses an identity document: the one kept with the draft, or, once the request is sent,
     * the one its sent step carries, which the step withholds from the evidence pack as it does nothing else.
     */
    private boolean identityDocumentEnclosed(PersonId person, Timeline timeline) {
        if (timeline.status() == RequestStatus.DRAFT) {
            return identityDocuments.find(person, timeline.request().id()).isPresent();
        }
        return timeline.last(RequestStatus.SENT).stream().flatMap(sent -> sent.documents().stream())
                .anyMatch(RequestEvent.Document::withheld);
    }

    Letterhead letterhead(PersonId person, Timeline timeline, LocalDate date) {
        return Letterhead.of(sender(person), organization(person, timeline.request()), Optional.empty(), date);
    }

    /** The head of the PDF an e-mail carries, which needs no postal address where an e-mail address stands in. */
    Letterhead emailLetterhead(PersonId person, Timeline timeline, LocalDate date) {
        return Letterhead.ofEmail(sender(person), organization(person, timeline.request()), Optional.empty(), date);
    }

    Letter reminder(PersonId person, Timeline timeline, Deadlines deadlines, Set<AccessItem> missing, LocalDate today) {
        RightsRequest request = timeline.request();
        PriorRequest prior = prior(timeline, deadlines);
        return Letters.reminder(new ReminderRequest(prior, Lifecycle.escalation(timeline, prior.deadline(), today,
                missing), organization(person, request), sender(person), today, request.language(),
                DAYS_TO_ANSWER_A_REMINDER));
    }

    Letter complaint(PersonId person, Timeline timeline, Deadlines deadlines, Set<AccessItem> missing, LocalDate today) {
        RightsRequest request = timeline.request();
        Organization authority = authority(person);
        PriorRequest prior = prior(timeline, deadlines);
        Outcome outcome = Lifecycle.escalation(timeline, prior.deadline(), today, missing);
        // The person's identity document, and the message that carried it, do not go to the authority as evidence.
        List<String> evidence = timeline.events().stream().flatMap(event -> event.documents().stream())
                .filter(document -> !document.withheld()).map(RequestEvent.Document::name).toList();
        Organization organization = organization(person, request);
        return Letters.complaint(new ComplaintRequest(authority, organization, organization.siren(),
                sender(person), prior, outcome,
                timeline.last(RequestStatus.REMINDER_SENT).map(RequestEvent::happenedOn), evidence, today,
                request.language()));
    }

    /** The head of a complaint: from the person to the supervisory authority, on the day it is written. */
    Letterhead complaintLetterhead(PersonId person, LocalDate date) {
        return Letterhead.of(sender(person), authority(person), Optional.empty(), date);
    }

    private Organization authority(PersonId person) {
        return organizations.directory(person).competentAuthority("fr").orElseThrow(() ->
                new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.rights.desk.noAuthority")));
    }

    private PriorRequest prior(Timeline timeline, Deadlines deadlines) {
        RightsRequest request = timeline.request();
        LocalDate sent = timeline.sentOn().orElseThrow(() -> new SelfdataException(ErrorCode.CONFLICT,
                Wording.of("error.rights.desk.notSent", request.reference())));
        Optional<RequestDates> dates = DeskDeadlines.dates(deadlines, timeline);
        Optional<Deadline> extended = dates.flatMap(deadlines::extendedAnswer);
        Optional<Deadline> deadline = extended.or(() -> dates.flatMap(deadlines::answer));
        return new PriorRequest(request.reference(), request.right(), request.channel(), sent, timeline.receivedOn(),
                deadline.map(Deadline::date), extended.isPresent());
    }

    private Sender sender(PersonId person) {
        return settings.sender(person).orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                Wording.of("error.rights.desk.noSender")));
    }

    /**
     * The organization's record now, for what it asks and its SIREN number; its addresses as the request was drafted to
     * them, completed from the record now where the draft had none (an organization the person added an address to
     * after drafting).
     */
    private Organization organization(PersonId person, RightsRequest request) {
        RightsRequest.OrganizationSnapshot snapshot = request.organization();
        Optional<Organization> known = organizations.directory(person).find(snapshot.slug());
        return new Organization(snapshot.slug(), snapshot.name(),
                snapshot.postalAddress().or(() -> known.flatMap(Organization::postalAddress)),
                snapshot.email().or(() -> known.flatMap(Organization::email)), known.flatMap(Organization::phone),
                snapshot.fax().or(() -> known.flatMap(Organization::fax)), known.flatMap(Organization::web),
                snapshot.webForm().or(() -> known.flatMap(Organization::webForm)),
                known.map(Organization::categories).orElse(List.of()), known.map(Organization::countries).orElse(List.of()),
                known.map(Organization::requiredElements).orElse(List.of()),
                known.map(Organization::needsIdentityDocument).orElse(false),
                known.flatMap(Organization::requestLanguage), known.flatMap(Organization::suggestedChannel),
                known.map(Organization::authority).orElse(false), Organization.Origin.DIRECTORY,
                known.map(Organization::runs).orElse(List.of()), known.flatMap(Organization::siren));
    }
}
