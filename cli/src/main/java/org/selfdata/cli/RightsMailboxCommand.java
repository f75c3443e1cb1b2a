package org.selfdata.cli;

import picocli.CommandLine.Command;

/**
 * The person's own mailbox, which requests are sent from and answers fetched from: set up, shown (never its password)
 * and removed, each a class of its own.
 */
@Command(name = "mailbox", mixinStandardHelpOptions = true,
        description = "Set up, show or remove the mailbox your requests are sent from and answers are read from.",
        subcommands = {RightsMailboxSetCommand.class, RightsMailboxShowCommand.class, RightsMailboxRemoveCommand.class})
final class RightsMailboxCommand {
}
