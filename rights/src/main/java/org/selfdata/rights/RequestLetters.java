package org.selfdata.rights;

import org.selfdata.texts.Wording;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Writes the request letter of each right, after checking that the request has what its right needs. */
final class RequestLetters {
    private static final List<String> ACCESS_ITEMS = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    private static final Set<String> OWN_WORDS = Set.of("name", "email", "address", "birthdate", "phone");

    private RequestLetters() {}

    static Letter write(LetterRequest request) {
        check(request);
        LetterText text = new LetterText(Letters.languageFor(request.organization(), request.chosenLanguage()));
        text.paragraph("rights.letter.regulation");
        rightParagraphs(request, text);
        about(request.subjectMatter(), text);
        identity(request, text);
        text.paragraph("rights.letter.timeLimit")
                .paragraph("rights.letter.free")
                .paragraph("rights.letter.reference", request.reference());
        return text.signed(text.subject(request.reference(), text.say(subjectKey(request))), request.sender().name(),
                request.identityDocumentAttached() ? List.of("rights.letter.enclosure.identityDocument") : List.of());
    }

    private static void check(LetterRequest request) {
        if (request.portability() && request.right() != Right.ACCESS) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.portabilityWithoutAccess"));
        }
        if (request.right() == Right.RECTIFICATION && request.rectifications().isEmpty()) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.rectificationMissing"));
        }
        if (request.right() == Right.OBJECTION && request.grounds().isEmpty()) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.objectionGrounds"));
        }
        if (request.right() == Right.RESTRICTION && request.restrictionGround().isEmpty()) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.restrictionGround"));
        }
        if (request.prior().filter(prior -> prior.sent().isAfter(request.date())).isPresent()) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.priorAfterLetter"));
        }
    }

    private static String subjectKey(LetterRequest request) {
        if (request.portability()) {
            return "rights.letter.subject.accessPortability";
        }
        return "rights.letter.subject." + request.right().term();
    }

    private static void rightParagraphs(LetterRequest request, LetterText text) {
        switch (request.right()) {
            case ACCESS -> access(request, text);
            case PORTABILITY -> text.paragraph("rights.letter.portability");
            case RECTIFICATION -> rectification(request, text);
            case ERASURE -> erasure(request, text);
            case RESTRICTION -> text
                    .paragraph("rights.letter.restriction", text.term("rights.letter.restriction.ground.",
                            request.restrictionGround().orElseThrow().term()))
                    .paragraph("rights.letter.restriction.effects")
                    .paragraph("rights.letter.recipients");
            case OBJECTION -> text.paragraph("rights.letter.objection")
                    .paragraph("rights.letter.objection.grounds", request.grounds().orElseThrow())
                    .paragraph("rights.letter.objection.effects");
            case DIRECT_MARKETING_OBJECTION -> text.paragraph("rights.letter.directMarketing")
                    .paragraph("rights.letter.directMarketing.effects");
            case CONSENT_WITHDRAWAL -> text.paragraph("rights.letter.consentWithdrawal")
                    .paragraph("rights.letter.consentWithdrawal.effects");
            case AUTOMATED_DECISION -> text.paragraph("rights.letter.automatedDecision")
                    .paragraph("rights.letter.automatedDecision.safeguards")
                    .paragraph("rights.letter.automatedDecision.logic");
            case RECIPIENT_NOTIFICATION -> request.prior().ifPresentOrElse(
                    prior -> text.paragraph("rights.letter.recipientNotification.prior", text.date(prior.sent()),
                            prior.reference()),
                    () -> text.paragraph("rights.letter.recipientNotification"));
        }
    }

    private static void access(LetterRequest request, LetterText text) {
        List<String> lines = new ArrayList<>();
        lines.add(text.say("rights.letter.access"));
        ACCESS_ITEMS.forEach(item -> lines.add(text.term("rights.letter.access.", item)));
        text.lines(lines)
                .paragraph("rights.letter.access.transfers")
                .paragraph("rights.letter.access.copy");
        switch (request.channel()) {
            case EMAIL, WEB_FORM -> text.paragraph("rights.letter.access.electronic");
            case LETTER, FAX -> request.sender().email()
                    .ifPresent(email -> text.paragraph("rights.letter.access.electronicAsked", email));
        }
        if (request.portability()) {
            text.paragraph("rights.letter.access.portability");
        }
    }

    private static void rectification(LetterRequest request, LetterText text) {
        List<String> lines = new ArrayList<>();
        lines.add(text.say("rights.letter.rectification"));
        for (Rectification rectification : request.rectifications()) {
            String what = rectification.detail()
                    .map(detail -> text.term("rights.letter.detail.", detail.term()))
                    .orElseGet(() -> rectification.description().orElseThrow());
            lines.add(rectification.oldValue()
                    .map(old -> text.say("rights.letter.rectification.replace", what, old,
                            rectification.newValue()))
                    .orElseGet(() -> text.say("rights.letter.rectification.complete", what,
                            rectification.newValue())));
        }
        text.lines(lines)
                .paragraph("rights.letter.recipients")
                .paragraph("rights.letter.rectification.confirm");
    }

    private static void erasure(LetterRequest request, LetterText text) {
        text.paragraph("rights.letter.erasure");
        request.grounds().ifPresent(grounds -> text.paragraph("rights.letter.erasure.grounds", grounds));
        text.paragraph("rights.letter.erasure.public")
                .paragraph("rights.letter.erasure.exceptions")
                .paragraph("rights.letter.recipients");
    }

    private static void about(SubjectMatter about, LetterText text) {
        if (about.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(text.say("rights.letter.about"));
        about.dataReceived().ifPresent(data -> lines.add(text.say("rights.letter.about.data", data)));
        about.accountNumber().ifPresent(number -> lines.add(text.say("rights.letter.about.account", number)));
        about.event().ifPresent(event -> lines.add(text.say("rights.letter.about.event", event)));
        text.lines(lines);
    }

    /**
     * The elements the organization's record asks for, each with the person's value (their name, e-mail and postal
     * address from the sender when they gave no other), and nothing it does not ask for; the identity document only
     * when the person chose to attach one.
     */
    private static void identity(LetterRequest request, LetterText text) {
        List<Organization.RequiredElement> asked = request.organization().requiredElements();
        if (asked.isEmpty()) {
            text.paragraph("rights.letter.identity.none");
        }
        else {
            List<String> lines = new ArrayList<>();
            lines.add(text.say("rights.letter.identity"));
            for (Organization.RequiredElement element : asked) {
                lines.add(text.say("rights.letter.identity.element", label(element, text), value(element, request)));
            }
            text.lines(lines);
        }
        if (request.identityDocumentAttached()) {
            text.paragraph("rights.letter.identity.document");
        }
    }

    private static String label(Organization.RequiredElement element, LetterText text) {
        return OWN_WORDS.contains(element.kind()) ? text.term("rights.letter.identity.kind.", element.kind())
                : element.description();
    }

    private static String value(Organization.RequiredElement element, LetterRequest request) {
        Optional<String> given = request.identity().stream()
                .filter(value -> value.element().equals(element))
                .map(IdentityValue::value)
                .filter(value -> !value.isEmpty())
                .findFirst();
        Sender sender = request.sender();
        Optional<String> known = switch (element.kind()) {
            case "name" -> Optional.of(sender.name());
            case "email" -> sender.email();
            case "address" -> sender.postalAddress().map(address -> address.replace("\n", ", "));
            default -> Optional.empty();
        };
        return given.or(() -> known).orElseThrow(() -> LetterInput.invalid(
                Wording.of("error.rights.letter.identityMissing", element.description())));
    }
}
