package org.selfdata.rights;

import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * What a reminder is made of: the formal notice (mise en demeure) sent after an answer that is overdue, a refusal or
 * an incomplete answer, giving the organization a last time limit before a complaint.
 *
 * @param prior the request it follows up, with its dates
 * @param date the day the reminder is dated
 * @param daysToAnswer the days the organization is given from the reminder's receipt, from 1 to 60
 */
public record ReminderRequest(PriorRequest prior, Outcome outcome, Organization organization, Sender sender,
        LocalDate date, Language chosenLanguage, int daysToAnswer) {
    public ReminderRequest {
        requireNonNull(prior, "prior is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(organization, "organization is null");
        requireNonNull(sender, "sender is null");
        requireNonNull(date, "date is null");
        requireNonNull(chosenLanguage, "chosenLanguage is null");
        LetterInput.outcome(outcome, prior);
        // Silence is a fault only once the time limit has passed, which is met until the end of its last day; a refusal
        // or an incomplete answer can be answered at once.
        if (outcome instanceof Outcome.NoAnswer && !date.isAfter(prior.lastDay())) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.reminderTooEarly"));
        }
        if (daysToAnswer < 1 || daysToAnswer > 60) {
            throw LetterInput.invalid(Wording.of("error.rights.letter.daysToAnswer"));
        }
    }
}
