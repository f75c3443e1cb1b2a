package org.selfdata.cli;

import picocli.CommandLine.Option;

/** Where the server listens. */
final class ServeOptions {
    @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to listen on (default: 127.0.0.1, this computer only).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "The port to listen on (default: 7070).")
    int port = 7070;

    static ServeOptions defaults() {
        return new ServeOptions();
    }
}
