package org.selfdata.cli;

import picocli.CommandLine.Command;

/**
 * The rights desk on the command line: the organizations a person can ask what they hold, and the deadlines the GDPR
 * gives them to answer. Each subcommand is a class of its own, so that the desk's other verbs join them here.
 */
@Command(name = "rights", mixinStandardHelpOptions = true,
        description = "Exercise your GDPR rights: find the organization to ask, say who you are, draft the request, "
                + "follow your requests and count the deadline it has to answer.",
        subcommands = {RightsOrganizationsCommand.class, RightsOrganizationCommand.class, RightsDeadlineCommand.class,
                RightsSenderCommand.class, RightsDraftCommand.class, RightsListCommand.class,
                RightsSentCommand.class,
                RightsChangeCommand.class, RightsAskCommand.class})
final class RightsCommand {
}
