package org.selfdata.cli;

import picocli.CommandLine.Command;

@Command(name = "selfdata",
        mixinStandardHelpOptions = true,
        version = "selfdata 0.1.0",
        description = "Bring back the data organizations hold about you, keep it encrypted, use it, "
                + "and share it only on your terms.",
        subcommands = {
                InitCommand.class,
                DemoCommand.class,
                ServeCommand.class,
                ImportCommand.class,
                StatusCommand.class,
                RecordsCommand.class,
                ExportCommand.class,
                RestoreCommand.class,
                EraseCommand.class,
                KeysCommand.class,
                LogCommand.class,
                GrantsCommand.class,
                PasswordCommand.class,
                PeopleCommand.class,
                RecipientsCommand.class,
                RightsCommand.class,
                BenchCommand.class,
                TrainCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "1:a fault inside selfdata",
                "2:the command line is wrong",
                "3:the input is wrong (file, value, format)",
                "4:not found (vault, person, source, record, file)",
                "5:conflict with the vault's state",
                "6:key unavailable (key file, passphrase) or sign-in refused",
                "7:the database cannot be reached",
                "8:the vault is damaged",
                "9:a limit was exceeded",
                "10:a remote service (mail server) failed or refused"})
final class SelfdataCommand {
}
