package org.selfdata.cli;

import picocli.CommandLine.Command;

/**
 * A request's letter as it was sent, or as it would be sent today: its text to read or paste in a web form, or a PDF
 * for registered post with acknowledgement of receipt.
 */
@Command(name = "letter", mixinStandardHelpOptions = true,
        description = "Print a request's letter, the one sent or the one that would be, or write it as "
                + "a PDF for registered post.")
final class RightsLetterCommand extends RightsPrintedLetterCommand {
    RightsLetterCommand(Terminal terminal, Environment environment) {
        super(terminal, environment, RightsLetters.REQUEST);
    }
}
