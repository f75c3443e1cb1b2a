package org.selfdata.cli;

import org.selfdata.model.Person;
import org.selfdata.rights.MailAccount;
import org.selfdata.rights.MailServer;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/** The person's mailbox as it is set up, everything but its password, which is only said to be sealed. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show your mailbox as it is set up: its address and servers, never its password.")
final class RightsMailboxShowCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    RightsMailboxShowCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        Optional<MailAccount> account;
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            account = RightsDesks.open(application).settings().mailAccount(person.id());
        }
        Words words = environment.words();
        if (account.isEmpty()) {
            terminal.out().println(words.say("rights.command.mailbox.none"));
            return ExitCodes.DONE;
        }
        print(terminal.out(), words, account.orElseThrow());
        return ExitCodes.DONE;
    }

    private static void print(PrintStream out, Words words, MailAccount account) {
        out.println(words.say("rights.command.mailbox.address", account.fromAddress()));
        if (!account.displayName().isEmpty()) {
            out.println(words.say("rights.command.mailbox.name", account.displayName()));
        }
        out.println(words.say("rights.command.mailbox.user", account.userName()));
        out.println(words.say("rights.command.mailbox.smtp", server(account.smtp())));
        out.println(account.imap().map(imap -> words.say("rights.command.mailbox.imap", server(imap)))
                .orElseGet(() -> words.say("rights.command.mailbox.noImap")));
        out.println(words.say("rights.command.mailbox.inbox", account.inboxFolder()));
        out.println(account.sentFolder().map(folder -> words.say("rights.command.mailbox.sent", folder,
                account.saveToSent() ? 1 : 0)).orElseGet(() -> words.say("rights.command.mailbox.noSent")));
        out.println(words.say("rights.command.mailbox.passwordSealed"));
    }

    private static String server(MailServer server) {
        return server.host() + ":" + server.port() + " (" + server.security().term() + ")";
    }
}
