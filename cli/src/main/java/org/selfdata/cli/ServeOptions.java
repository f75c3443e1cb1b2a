package org.selfdata.cli;

import org.selfdata.server.ServerSettings;
import picocli.CommandLine.Option;

/** Where the server listens, and whether its session cookies must travel over HTTPS only. */
final class ServeOptions {
    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "The address to listen on (default: 127.0.0.1, this computer only).")
    String host = ServerSettings.LOOPBACK;

    @Option(names = "--port", paramLabel = "PORT", description = "The port to listen on (default: 7070; 0 for any free port).")
    int port = 7070;

    @Option(names = "--secure-cookies",
            description = "Mark session cookies Secure even on 127.0.0.1: for a server behind an HTTPS reverse proxy. Away from "
                    + "loopback they always are.")
    boolean secureCookies;

    static ServeOptions defaults() {
        return new ServeOptions();
    }

    /**
     * On a loopback address the browser talks plain HTTP to this machine, where a Secure cookie would be refused by
     * some browsers; anywhere else, cookies stay Secure and selfdata must sit behind HTTPS.
     */
    ServerSettings settings() {
        ServerSettings settings = ServerSettings.defaults().withHost(host).withPort(port);
        boolean loopback = host.equals("127.0.0.1") || host.equals("::1") || host.equals("localhost");
        return loopback && !secureCookies ? settings.withPlainHttpOnLoopback() : settings;
    }
}
