package org.selfdata.rights;

import java.util.ArrayList;
import java.util.List;

/** Writes the formal notice that follows a request left unanswered, refused or answered in part. */
final class ReminderLetters {
    private ReminderLetters() {}

    static Letter write(ReminderRequest request) {
        PriorRequest prior = request.prior();
        LetterText text = new LetterText(Letters.languageFor(request.organization(), request.chosenLanguage()));
        text.lines(List.of(String.join(" ", text.recall(prior, "rights.letter.reminder."))));
        outcome(request.outcome(), text);
        text.paragraph("rights.letter.reminder.notice", request.daysToAnswer())
                .paragraph("rights.letter.free")
                .paragraph("rights.letter.reference", prior.reference());
        String title = text.say("rights.letter.subject.reminder", text.date(prior.sent()));
        return text.signed(text.subject(prior.reference(), title), request.sender().name());
    }

    private static void outcome(Outcome outcome, LetterText text) {
        switch (outcome) {
            case Outcome.NoAnswer noAnswer -> text.paragraph("rights.letter.reminder.noAnswer");
            case Outcome.Refusal refusal -> text.paragraph("rights.letter.reminder.refused", text.date(refusal.on()));
            case Outcome.IncompleteAnswer answer when answer.missing().isEmpty() ->
                    text.paragraph("rights.letter.reminder.incomplete", text.date(answer.on()));
            case Outcome.IncompleteAnswer answer -> {
                List<String> lines = new ArrayList<>();
                lines.add(text.say("rights.letter.reminder.missing", text.date(answer.on())));
                answer.missingInOrder().forEach(item -> lines.add(text.say("rights.letter.reminder.missingItem",
                        text.say(item.key()))));
                text.lines(lines);
            }
        }
    }
}
