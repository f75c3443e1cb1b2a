package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.vault.People;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Reminders of deadlines by e-mail, for the person who asks for them: at most one message a day, from their own
 * mailbox to themselves, naming the deadlines that fall within the days they chose and those that have passed.
 *
 * <p>No deadline is named twice in the same state: once named as near, it is named again only when it has passed, and
 * a new last day is a new deadline. What was named is recorded only once the mail server accepted the message, so
 * that a server down or refusing loses nothing: the next run sends it. While the clock stands still for the
 * person's identification (art. 12(6)) no deadline runs against the organization, and none is named.
 *
 * <p>Runs are one at a time within this desk, so that the server's daily run and a person's "now" never send the same
 * reminder twice.
 */
public final class DeadlineReminders {
    private final RightsDesk desk;
    private final People people;
    private final Clock clock;

    DeadlineReminders(RightsDesk desk, People people, Clock clock) {
        this.desk = requireNonNull(desk, "desk is null");
        this.people = requireNonNull(people, "people is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The person's choice; off, three days before, until they make one. */
    public ReminderSettings settings(PersonId person) {
        return desk.settings().reminders(person).orElse(ReminderSettings.OFF);
    }

    /**
     * Turns reminders on, written in the language given, a deadline being near that many days before its last day.
     * Refused without a mailbox to send them from.
     */
    public ReminderSettings turnOn(PersonId person, int daysBefore, Language language) {
        ReminderSettings.requireDaysBefore(daysBefore);
        if (desk.settings().mailAccount(person).isEmpty()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.reminders.noMailbox"));
        }
        ReminderSettings on = new ReminderSettings(true, daysBefore, language);
        desk.settings().saveReminders(person, on);
        return on;
    }

    /** Turns reminders off, keeping the days chosen for the next time they are turned on. */
    public ReminderSettings turnOff(PersonId person) {
        ReminderSettings before = settings(person);
        ReminderSettings off = new ReminderSettings(false, before.daysBefore(), before.language());
        desk.settings().saveReminders(person, off);
        return off;
    }

    /** Sends their reminder, if one is due, to every person who turned reminders on; one's failure stops no other. */
    public List<ReminderOutcome> remindEveryone() {
        List<ReminderOutcome> outcomes = new ArrayList<>();
        for (Person person : people.list()) {
            try {
                if (settings(person.id()).enabled()) {
                    outcomes.add(remind(person.id()));
                }
            }
            catch (SelfdataException e) {
                outcomes.add(new ReminderOutcome.Failed(person.id(), e));
            }
        }
        return outcomes;
    }

    /**
     * Sends the person their reminder now, if one is due: refused while reminders are off; a failure to send is an
     * outcome, not an exception, and leaves nothing recorded.
     */
    public synchronized ReminderOutcome remind(PersonId person) {
        ReminderSettings chosen = settings(person);
        if (!chosen.enabled()) {
            throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.rights.reminders.off"));
        }
        LocalDate today = desk.today(person);
        Reminded reminded = desk.settings().reminded(person);
        if (reminded.lastSent().filter(today::equals).isPresent()) {
            return new ReminderOutcome.AlreadySentToday(person);
        }
        List<DueDeadline> running = running(person);
        List<DueDeadline> fresh = running.stream()
                .filter(due -> due.status().overdue() || due.status().daysLeft() <= chosen.daysBefore())
                .filter(due -> !reminded.deadlines().contains(due.mark()))
                .toList();
        if (fresh.isEmpty()) {
            return new ReminderOutcome.NothingNew(person);
        }
        try {
            send(person, ReminderDigest.of(fresh, chosen.daysBefore(), chosen.language()));
        }
        catch (SelfdataException e) {
            return new ReminderOutcome.Failed(person, e);
        }
        desk.settings().saveReminded(person, new Reminded(Optional.of(today), named(reminded, running, fresh)));
        return new ReminderOutcome.Sent(person, fresh.size());
    }

    /** The deadlines running against the person's requests today, but for a clock stopped for identification. */
    private List<DueDeadline> running(PersonId person) {
        List<DueDeadline> running = new ArrayList<>();
        for (RightsDesk.RequestView view : desk.overview(person)) {
            view.deadline().filter(status -> status.kind() != DeadlineKind.IDENTIFICATION_AWAITED)
                    .ifPresent(status -> running.add(new DueDeadline(view.timeline().request(), status)));
        }
        return running;
    }

    /**
     * What was named, the new deadlines with it; the marks of deadlines that no longer run (answered, extended,
     * closed) are let go, so that the record stays as small as the person's open requests.
     */
    private static Set<String> named(Reminded reminded, List<DueDeadline> running, List<DueDeadline> fresh) {
        Set<String> open = running.stream().map(DueDeadline::deadline).collect(Collectors.toSet());
        Set<String> named = new HashSet<>();
        for (String mark : reminded.deadlines()) {
            if (open.contains(mark.substring(0, mark.lastIndexOf('/')))) {
                named.add(mark);
            }
        }
        fresh.forEach(due -> named.add(due.mark()));
        return named;
    }

    /**
     * The account as a reminder uses it: a reminder is the person's to read in their inbox, not evidence of a letter
     * sent, so selfdata files no copy of it in the Sent folder.
     */
    private static MailAccount notFilingInSent(MailAccount account) {
        return new MailAccount(account.smtp(), account.imap(), account.userName(), account.password(),
                account.fromAddress(), account.displayName(), account.inboxFolder(), account.sentFolder(), false,
                account.timeouts());
    }

    private void send(PersonId person, ReminderDigest digest) {
        MailAccount account = desk.settings().mailAccount(person).orElseThrow(() -> new SelfdataException(
                ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.reminders.noMailbox")));
        MailSender sender = new MailSender(notFilingInSent(account), clock);
        sender.send(sender.prepare(new OutgoingMail(account.fromAddress(), digest.subject(), digest.body(), List.of(),
                Optional.empty())));
    }
}
