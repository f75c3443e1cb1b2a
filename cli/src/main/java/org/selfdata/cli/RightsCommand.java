package org.selfdata.cli;

import picocli.CommandLine.Command;

/**
 * The rights desk on the command line: the organizations a person can ask what they hold, the requests from their
 * draft to their answer, the deadlines the GDPR gives, and the letters and evidence that escalate them. Each
 * subcommand is a class of its own.
 */
@Command(name = "rights", mixinStandardHelpOptions = true,
        description = "Exercise your GDPR rights: find the organization to ask, say who you are, draft and send the "
                + "request, follow its steps and deadline, file the answer, and escalate with a reminder, a complaint "
                + "and the evidence pack.",
        subcommands = {RightsOrganizationsCommand.class, RightsOrganizationCommand.class,
                RightsOrganizationSetCommand.class, RightsOrganizationResetCommand.class, RightsDeadlineCommand.class,
                RightsSenderCommand.class, RightsDraftCommand.class, RightsListCommand.class,
                RightsSentCommand.class, RightsShowCommand.class, RightsRecordCommand.class, RightsLetterCommand.class,
                RightsEvidenceCommand.class, RightsMailboxCommand.class, RightsSendCommand.class,
                RightsFetchCommand.class, RightsAnswerCommand.class, RightsChecklistCommand.class,
                RightsReminderCommand.class, RightsComplaintCommand.class, RightsChangeCommand.class,
                RightsAskCommand.class, RightsIdentityDocumentCommand.class, RightsRemindMeCommand.class})
final class RightsCommand {
}
