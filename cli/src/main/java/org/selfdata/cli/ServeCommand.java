package org.selfdata.cli;

import org.selfdata.model.Person;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the vault: the web page and the JSON API under /api/v1 (OpenAPI document at /api/v1/openapi.json), "
                + "to people signed in with their password.")
final class ServeCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Mixin
    ServeOptions serve;

    ServeCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    private void warnAboutMissingPasswords(Application application) {
        for (Person person : application.vault().people().list()) {
            if (!application.vault().people().hasPassword(person.id())) {
                terminal.err().println(person.handle() + " has no password yet and cannot sign in: set one with "
                        + "'selfdata password --person " + person.handle() + "'.");
            }
        }
    }

    @Override
    public Integer call() {
        Application application = Application.open(vault, environment);
        try {
            // Said once the server answers: nothing that can wait delays the start.
            Thread.ofVirtual().name("selfdata-password-check").start(() -> warnAboutMissingPasswords(application));
            return Serving.serveUntilStopped(application, terminal, serve);
        }
        catch (RuntimeException e) {
            application.close();
            throw e;
        }
    }
}
