package org.selfdata.cli;

import picocli.CommandLine.Command;

/**
 * The complaint to the supervisory authority (the CNIL for France) about a request left overdue, refused or
 * incompletely answered, with its facts and dates: printed, or written as a PDF. Record it with
 * {@code selfdata rights record --status complaint-lodged} once lodged.
 */
@Command(name = "complaint", mixinStandardHelpOptions = true,
        description = "Print the complaint to the supervisory authority (the CNIL for France) about a request, or "
                + "write it as a PDF.")
final class RightsComplaintCommand extends RightsPrintedLetterCommand {
    RightsComplaintCommand(Terminal terminal, Environment environment) {
        super(terminal, environment, RightsLetters.COMPLAINT);
    }
}
