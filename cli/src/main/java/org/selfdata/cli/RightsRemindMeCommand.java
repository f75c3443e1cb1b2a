package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.DeadlineReminders;
import org.selfdata.rights.ReminderOutcome;
import org.selfdata.rights.ReminderSettings;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * Turns the reminders of deadlines by e-mail on or off, or sends the person's reminder now. On, they are written in
 * the terminal's language; the server sends them once a day, and {@code --now} does what a run of the server does,
 * sending nothing a reminder has named already.
 */
@Command(name = "remind-me", mixinStandardHelpOptions = true,
        description = "Have your mailbox remind you by e-mail of the deadlines of your requests that are near or "
                + "passed, at most once a day; the server sends the reminders, or send yours now.")
final class RightsRemindMeCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Option(names = "--on", description = "Turn the reminders on; they need your mailbox (selfdata rights mailbox set).")
    boolean on;

    @Option(names = "--off", description = "Turn the reminders off.")
    boolean off;

    @Option(names = "--now", description = "Send your reminder now, if a deadline calls for one not sent yet.")
    boolean now;

    @Option(names = "--days", paramLabel = "N",
            description = "With --on: remind you this many days before a deadline, from 0 to 30 (default: 3).")
    Optional<Integer> days = Optional.empty();

    RightsRemindMeCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        if ((on ? 1 : 0) + (off ? 1 : 0) + (now ? 1 : 0) != 1) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.command.remindMe.action"));
        }
        if (days.isPresent() && !on) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.command.remindMe.days"));
        }
        Wording said;
        try (Application application = Application.open(vault, environment)) {
            PersonId person = application.person(vault, environment).id();
            said = act(RightsDesks.open(application).reminders(), person);
        }
        terminal.out().println(environment.words().say(said));
        return ExitCodes.DONE;
    }

    private Wording act(DeadlineReminders reminders, PersonId person) {
        Words words = environment.words();
        if (on) {
            ReminderSettings saved = reminders.turnOn(person,
                    days.orElse(ReminderSettings.DEFAULT_DAYS_BEFORE), words.language());
            return Wording.of("rights.command.remindMe.on", saved.daysBefore());
        }
        if (off) {
            reminders.turnOff(person);
            return Wording.of("rights.command.remindMe.off");
        }
        return switch (reminders.remind(person)) {
            case ReminderOutcome.Sent sent -> Wording.of("rights.command.remindMe.sent", sent.deadlines());
            case ReminderOutcome.NothingNew _ -> Wording.of("rights.command.remindMe.nothingNew");
            case ReminderOutcome.AlreadySentToday _ -> Wording.of("rights.command.remindMe.alreadyToday");
            case ReminderOutcome.Failed failed -> throw failed.failure();
        };
    }
}
