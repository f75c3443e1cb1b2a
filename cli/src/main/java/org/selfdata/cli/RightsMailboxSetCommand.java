package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.MailAccount;
import org.selfdata.rights.MailServer;
import org.selfdata.rights.MailTimeouts;
import org.selfdata.texts.Wording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * Sets up the person's mailbox: its servers, the name it signs in with and its password, sealed in the vault like any
 * secret. The password is never an argument, which the shell's history and the list of processes would show: it is
 * typed at the terminal without echo, or read from an environment variable the person names.
 */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Set up your mailbox: the address requests are sent from, its SMTP server and the IMAP server "
                + "answers are read from; the password is asked at the terminal or read from --password-env.")
final class RightsMailboxSetCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Option(names = "--address", paramLabel = "ADDRESS", required = true,
            description = "Your e-mail address, which requests are sent from.")
    String address;

    @Option(names = "--name", paramLabel = "NAME", description = "The name shown beside your address.")
    Optional<String> name = Optional.empty();

    @Option(names = "--user", paramLabel = "USER",
            description = "The name the mailbox signs in with (default: the address).")
    Optional<String> user = Optional.empty();

    @Option(names = "--smtp-host", paramLabel = "HOST", required = true, description = "The server requests are sent "
            + "through (SMTP), such as smtp.example.org.")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", description = "Its port (default: 587).")
    int smtpPort = 587;

    @Option(names = "--imap-host", paramLabel = "HOST",
            description = "The server answers are read from (IMAP), such as imap.example.org; without it, answers are "
                    + "not fetched.")
    Optional<String> imapHost = Optional.empty();

    @Option(names = "--imap-port", paramLabel = "PORT", description = "Its port (default: 993).")
    int imapPort = 993;

    @Option(names = "--security", paramLabel = "SECURITY",
            description = "How both connections are secured: starttls, tls, or plain for a server on this machine only "
                    + "(default: starttls for SMTP, tls for IMAP).")
    Optional<String> security = Optional.empty();

    @Option(names = "--inbox", paramLabel = "FOLDER", description = "The folder answers arrive in (default: INBOX).")
    String inbox = "INBOX";

    @Option(names = "--sent-folder", paramLabel = "FOLDER",
            description = "The folder of sent messages, where a retry first looks for a message, such as Sent.")
    Optional<String> sentFolder = Optional.empty();

    @Option(names = "--save-to-sent", description = "File a copy of each request sent in the folder of sent "
            + "messages, for a server that does not do it itself.")
    boolean saveToSent;

    @Option(names = "--password-env", paramLabel = "VARIABLE",
            description = "Read the password from this environment variable rather than at the terminal.")
    Optional<String> passwordEnvironment = Optional.empty();

    RightsMailboxSetCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        Optional<MailServer.Security> both = security.map(RightsMailboxSetCommand::security);
        MailServer smtp = new MailServer(smtpHost.strip(), smtpPort, both.orElse(MailServer.Security.STARTTLS));
        Optional<MailServer> imap = imapHost.map(host -> new MailServer(host.strip(), imapPort,
                both.orElse(MailServer.Security.TLS)));
        String from = address.strip();
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            MailAccount account = new MailAccount(smtp, imap, user.map(String::strip).orElse(from), password(), from,
                    name.map(String::strip).orElse(""), inbox.strip(), sentFolder.map(String::strip), saveToSent,
                    MailTimeouts.standard());
            RightsDesks.open(application).settings().saveMailAccount(person.id(), account);
        }
        terminal.out().println(environment.words().say("rights.command.mailbox.saved"));
        return ExitCodes.DONE;
    }

    private String password() {
        if (passwordEnvironment.isPresent()) {
            String variable = passwordEnvironment.orElseThrow().strip();
            return environment.variable(variable).orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.rights.command.passwordVariable", variable)));
        }
        if (!terminal.interactive()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.command.noPasswordTerminal"));
        }
        char[] typed = terminal.readSecret(environment.words().say("rights.command.mailbox.password") + " ");
        try {
            if (typed.length == 0) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.command.noPassword"));
            }
            return new String(typed);
        }
        finally {
            Arrays.fill(typed, '\0');
        }
    }

    private static MailServer.Security security(String name) {
        String term = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(MailServer.Security.values()).filter(security -> security.term().equals(term)).findFirst()
                .orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.rights.command.security", "--security")));
    }
}
