package org.selfdata.cli;

import picocli.CommandLine.Command;

/**
 * The formal notice a request calls for once its answer is overdue, refused or incomplete, naming what is missing from
 * an access answer as its checklist says: printed, or written as a PDF for registered post. Record it with
 * {@code selfdata rights record --status reminder-sent} once it has left.
 */
@Command(name = "reminder", mixinStandardHelpOptions = true,
        description = "Print the formal notice that follows an overdue, refused or incomplete answer, or "
                + "write it as a PDF.")
final class RightsReminderCommand extends RightsPrintedLetterCommand {
    RightsReminderCommand(Terminal terminal, Environment environment) {
        super(terminal, environment, RightsLetters.REMINDER);
    }
}
