package org.selfdata.rights;

import org.selfdata.texts.Language;
import org.selfdata.texts.Words;

import java.util.Comparator;
import java.util.List;

/**
 * The text of a reminder of deadlines, the person's only: the deadlines passed first, the most late first, then those
 * coming, the nearest first; for each, the organization, the right, the request's reference, the deadline with its
 * days left or late, and what to do next. It holds nothing the person's own requests do not.
 *
 * @param subject the message's subject
 * @param body the message's text
 */
record ReminderDigest(String subject, String body) {
    private static final Comparator<DueDeadline> BY_DATE = Comparator.comparing(due -> due.status().date());

    static ReminderDigest of(List<DueDeadline> deadlines, int daysBefore, Language language) {
        Words words = Words.of(language);
        List<DueDeadline> passed = deadlines.stream().filter(due -> due.status().overdue()).sorted(BY_DATE).toList();
        List<DueDeadline> coming = deadlines.stream().filter(due -> !due.status().overdue()).sorted(BY_DATE).toList();
        StringBuilder body = new StringBuilder()
                .append(words.say("rights.reminders.greeting")).append("\n\n")
                .append(words.say("rights.reminders.introduction", daysBefore)).append('\n');
        section(body, words, "rights.reminders.overdue", passed);
        section(body, words, "rights.reminders.near", coming);
        body.append('\n').append(words.say("rights.reminders.closing")).append("\n\n")
                .append("-- \n").append(words.say("rights.reminders.why")).append('\n');
        return new ReminderDigest(words.say("rights.reminders.subject", deadlines.size()), body.toString());
    }

    private static void section(StringBuilder body, Words words, String title, List<DueDeadline> deadlines) {
        if (deadlines.isEmpty()) {
            return;
        }
        body.append('\n').append(words.say(title)).append('\n');
        for (DueDeadline due : deadlines) {
            RightsRequest request = due.request();
            String right = "rights.reminders.right." + request.right().term();
            body.append('\n').append(words.say("rights.reminders.request", request.organization().name(),
                            words.say(right), request.right().article(), request.reference())).append('\n')
                    .append("  ").append(words.say("rights.reminders.deadline", words.say(due.status().summary())))
                    .append('\n')
                    .append("  ").append(words.say(nextStep(due.status()))).append('\n');
        }
    }

    /** What the person can do about a deadline: wait while it runs, then remind the organization or the authority. */
    private static String nextStep(DeadlineStatus status) {
        String state = status.overdue() ? "overdue" : "near";
        return switch (status.kind()) {
            case ANSWER, EXTENDED_ANSWER, REFUSAL, IDENTIFICATION_AWAITED -> "rights.reminders.next.answer." + state;
            case AUTHORITY_PROGRESS -> "rights.reminders.next.authority." + state;
        };
    }
}
