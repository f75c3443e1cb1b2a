package org.selfdata.cli;

/** Starts the server on an application and keeps it running until the process is stopped. */
final class Serving {
    private Serving() {}

    static int serveUntilStopped(Application application, Terminal terminal, ServeOptions options) {
        terminal.err().println("Serving is not available in this build.");
        return ExitCodes.DONE;
    }
}
