package org.selfdata.rights;

import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a complaint to a supervisory authority (art. 77) is made of: what the CNIL asks of a complaint, that is who
 * complains, the organization complained against (its name, address and SIREN number when known), the facts with
 * their dates, the prior request and its answer or its absence, and the documents attached.
 *
 * @param authority the supervisory authority, whose record says the language complaints are written in
 * @param siren the organization's SIREN number (nine digits), for a French organization
 * @param reminderSent the day a reminder was sent, when one was
 * @param evidence the names of the documents attached, in the order they are numbered
 * @param date the day the complaint is dated
 */
public record ComplaintRequest(Organization authority, Organization organization, Optional<String> siren,
        Sender complainant, PriorRequest prior, Outcome outcome, Optional<LocalDate> reminderSent,
        List<String> evidence, LocalDate date, Language chosenLanguage) {
    public ComplaintRequest {
        requireNonNull(authority, "authority is null");
        requireNonNull(organization, "organization is null");
        siren = LetterInput.text(requireNonNull(siren, "siren is null")).map(Siren::normalized);
        requireNonNull(complainant, "complainant is null");
        requireNonNull(prior, "prior is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(reminderSent, "reminderSent is null");
        evidence = List.copyOf(evidence);
        requireNonNull(date, "date is null");
        requireNonNull(chosenLanguage, "chosenLanguage is null");
        if (!authority.authority()) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.notAnAuthority"));
        }
        if (siren.filter(number -> !Siren.isValid(number)).isPresent()) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.siren"));
        }
        LetterInput.outcome(outcome, prior);
        if (reminderSent.filter(day -> day.isBefore(prior.sent())).isPresent()) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.reminderBeforeRequest"));
        }
        // Silence is a fault once the time limit has passed; a refusal or an incomplete answer, as soon as it is known.
        if (outcome instanceof Outcome.NoAnswer && !date.isAfter(prior.lastDay())) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.complaintBeforeDeadline"));
        }
        LocalDate lastEvent = reminderSent.orElse(prior.sent());
        if (date.isBefore(lastEvent) || date.isBefore(answeredOn(outcome).orElse(prior.sent()))) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.complaintTooEarly"));
        }
        for (int index = 0; index < evidence.size(); index++) {
            if (evidence.get(index).isBlank()) {
                throw LetterInput.invalid(Wording.of("error.rights.letter.evidenceName", index + 1));
            }
        }
    }

    private static Optional<LocalDate> answeredOn(Outcome outcome) {
        return switch (outcome) {
            case Outcome.NoAnswer _ -> Optional.empty();
            case Outcome.Refusal refusal -> Optional.of(refusal.on());
            case Outcome.IncompleteAnswer answer -> Optional.of(answer.on());
        };
    }
}
