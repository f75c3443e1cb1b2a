package org.selfdata.rights;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the complaint to a supervisory authority with what the CNIL asks a complaint to hold: who complains, the
 * organization complained against, the facts with their dates, the request and its answer, and the documents attached.
 */
final class ComplaintLetters {
    private ComplaintLetters() {}

    static Letter write(ComplaintRequest request) {
        LetterText text = new LetterText(Letters.languageFor(request.authority(), request.chosenLanguage()));
        Sender complainant = request.complainant();
        Organization organization = request.organization();
        text.paragraph("rights.letter.complaint")
                .lines(party(text, "rights.letter.complaint.complainant", complainant.name(),
                        complainant.postalAddress(), complainant.email(), Optional.empty(), Optional.empty()))
                .lines(party(text, "rights.letter.complaint.organization", organization.name(),
                        organization.postalAddress(), organization.email(), organization.web(), request.siren()))
                .lines(facts(request, text))
                .paragraph("rights.letter.complaint.ask")
                .lines(evidence(request.evidence(), text))
                .paragraph("rights.letter.complaint.progress");
        String title = text.say(subjectKey(request.outcome()), organization.name(),
                text.term("rights.letter.right.", request.prior().right().term()));
        return text.signed(text.subject(request.prior().reference(), title), complainant.name());
    }

    private static String subjectKey(Outcome outcome) {
        return switch (outcome) {
            case Outcome.NoAnswer noAnswer -> "rights.letter.subject.complaint.no-answer";
            case Outcome.Refusal refusal -> "rights.letter.subject.complaint.refusal";
            case Outcome.IncompleteAnswer answer -> "rights.letter.subject.complaint.incomplete";
        };
    }

    private static List<String> party(LetterText text, String titleKey, String name, Optional<String> address,
            Optional<String> email, Optional<String> web, Optional<String> siren) {
        List<String> lines = new ArrayList<>();
        lines.add(text.say(titleKey));
        lines.add(text.say("rights.letter.complaint.name", name));
        address.ifPresent(postal -> lines.add(text.say("rights.letter.complaint.address", postal.replace("\n", ", "))));
        email.ifPresent(mailbox -> lines.add(text.say("rights.letter.complaint.email", mailbox)));
        web.ifPresent(site -> lines.add(text.say("rights.letter.complaint.web", site)));
        siren.ifPresent(number -> lines.add(text.say("rights.letter.complaint.siren", number)));
        return lines;
    }

    private static List<String> facts(ComplaintRequest request, LetterText text) {
        PriorRequest prior = request.prior();
        List<String> lines = new ArrayList<>();
        lines.add(text.say("rights.letter.complaint.facts"));
        lines.addAll(text.recall(prior, "rights.letter.complaint."));
        request.reminderSent().ifPresent(day -> lines.add(text.say("rights.letter.complaint.reminder",
                text.date(day))));
        lines.addAll(outcome(request.outcome(), text));
        return lines;
    }

    private static List<String> outcome(Outcome outcome, LetterText text) {
        return switch (outcome) {
            case Outcome.NoAnswer noAnswer -> List.of(text.say("rights.letter.complaint.noAnswer"));
            case Outcome.Refusal refusal ->
                    List.of(text.say("rights.letter.complaint.refused", text.date(refusal.on())));
            case Outcome.IncompleteAnswer answer when answer.missing().isEmpty() ->
                    List.of(text.say("rights.letter.complaint.incomplete", text.date(answer.on())));
            case Outcome.IncompleteAnswer answer -> {
                List<String> lines = new ArrayList<>();
                lines.add(text.say("rights.letter.complaint.missing", text.date(answer.on())));
                answer.missingInOrder().forEach(item -> lines.add(text.say("rights.letter.complaint.missingItem",
                        text.say(item.key()))));
                yield lines;
            }
        };
    }

    private static List<String> evidence(List<String> documents, LetterText text) {
        if (documents.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(text.say("rights.letter.complaint.evidence"));
        for (int index = 0; index < documents.size(); index++) {
            lines.add(text.say("rights.letter.complaint.evidenceItem", index + 1, documents.get(index).strip()));
        }
        return lines;
    }
}
