package org.selfdata.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.selfdata.server.MetricsListener;
import org.selfdata.server.SelfdataServer;
import org.selfdata.texts.Words;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * Serves an application until the process is stopped. Ctrl-C or a TERM signal runs the shutdown hook, which stops the
 * server (answering what is in flight) and closes the vault, so that nothing is left half-written.
 */
final class Serving {
    private Serving() {}

    /**
     * The metrics listener the operator asked for, started before the vault is opened so that the vault can be opened
     * counting into its registry; none unless asked for.
     */
    static Optional<MetricsListener> metrics(ServeOptions options, Environment environment) {
        return options.metrics(environment).map(MetricsListener::start);
    }

    /**
     * Opens or creates the application, counting into the metrics' registry when there are metrics, else into one
     * nobody reads; the listener is closed if the application cannot be opened.
     */
    static Application opened(Optional<MetricsListener> metrics, Function<MeterRegistry, Application> open) {
        try {
            return open.apply(metrics.<MeterRegistry>map(MetricsListener::meters).orElseGet(SimpleMeterRegistry::new));
        }
        catch (RuntimeException e) {
            metrics.ifPresent(MetricsListener::close);
            throw e;
        }
    }

    static int serveUntilStopped(Application application, Terminal terminal, Environment environment, ServeOptions options,
                                 Optional<MetricsListener> metrics) {
        Words words = environment.words();
        // Commands read the maps when they first place a coordinate; a server reads them before it answers anyone.
        application.gate().geography().load();
        SelfdataServer server = SelfdataServer.start(options.settings(environment), application.vault(), application.gate());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            application.close();
            metrics.ifPresent(MetricsListener::close);
            stopped.countDown();
        }, "selfdata-shutdown"));
        terminal.out().println(words.say("command.serve.serving", application.vault().location().describe(),
                server.url()));
        metrics.ifPresent(listener -> terminal.out().println(words.say("command.serve.metrics", listener.url())));
        terminal.out().println(words.say("command.serve.stop"));
        terminal.out().flush();
        try {
            stopped.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.DONE;
    }
}
