package org.selfdata.cli;

import org.selfdata.server.SelfdataServer;
import org.selfdata.texts.Words;

import java.util.concurrent.CountDownLatch;

/**
 * Serves an application until the process is stopped. Ctrl-C or a TERM signal runs the shutdown hook, which stops the
 * server (answering what is in flight) and closes the vault, so that nothing is left half-written.
 */
final class Serving {
    private Serving() {}

    static int serveUntilStopped(Application application, Terminal terminal, Words words, ServeOptions options) {
        SelfdataServer server = SelfdataServer.start(options.settings(), application.vault(), application.gate());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            application.close();
            stopped.countDown();
        }, "selfdata-shutdown"));
        terminal.out().println(words.say("command.serve.serving", application.vault().location().describe(),
                server.url()));
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
