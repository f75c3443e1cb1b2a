package org.selfdata.cli;

import org.selfdata.model.Person;
import org.selfdata.server.MetricsListener;
import org.selfdata.texts.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the vault: the web page and the JSON API under /api/v1 (OpenAPI document at /api/v1/openapi.json), "
                + "to people signed in with their password or, when the operator set one up, at its OpenID Connect provider.")
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

    /** Who cannot sign in at all: no password, and no identity at the provider, when there is one. */
    private void warnAboutMissingPasswords(Application application, Words words) {
        Optional<String> provider = serve.singleSignOnIssuer(environment);
        for (Person person : application.vault().people().list()) {
            boolean atTheProvider = provider.flatMap(issuer -> application.vault().identities().subject(person.id(), issuer))
                    .isPresent();
            if (!atTheProvider && !application.vault().people().hasPassword(person.id())) {
                terminal.err().println(words.say("command.serve.noPassword", person.handle()));
            }
        }
    }

    @Override
    public Integer call() {
        Words words = environment.words();
        Optional<MetricsListener> metrics = Serving.metrics(serve, environment);
        Application application = Serving.opened(metrics, meters -> Application.open(vault, environment, meters));
        try {
            // Said once the server answers: nothing that can wait delays the start.
            Thread.ofVirtual().name("selfdata-password-check").start(() -> warnAboutMissingPasswords(application, words));
            return Serving.serveUntilStopped(application, terminal, environment, serve, metrics);
        }
        catch (RuntimeException e) {
            application.close();
            metrics.ifPresent(MetricsListener::close);
            throw e;
        }
    }
}
