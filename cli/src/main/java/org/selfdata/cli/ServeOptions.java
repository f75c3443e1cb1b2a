package org.selfdata.cli;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.server.ServerSettings;
import picocli.CommandLine.Option;

/** Where the server listens, whether its session cookies must travel over HTTPS only, and how large an upload may be. */
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

    @Option(names = "--max-upload-mb", paramLabel = "MEGABYTES",
            description = "The largest file or archive that can be uploaded for import, in megabytes (default: 2048).")
    long maximumUploadMegabytes = 2_048;

    static ServeOptions defaults() {
        return new ServeOptions();
    }

    /**
     * On a loopback address the browser talks plain HTTP to this machine, where a Secure cookie would be refused by
     * some browsers; anywhere else, cookies stay Secure and selfdata must sit behind HTTPS.
     */
    ServerSettings settings() {
        if (maximumUploadMegabytes < 1 || maximumUploadMegabytes > Long.MAX_VALUE / (1024 * 1024)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "--max-upload-mb takes a number of megabytes from 1");
        }
        ServerSettings settings = ServerSettings.defaults().withHost(host).withPort(port)
                .withMaximumUploadBytes(maximumUploadMegabytes * 1024 * 1024);
        boolean loopback = host.equals("127.0.0.1") || host.equals("::1") || host.equals("localhost");
        return loopback && !secureCookies ? settings.withPlainHttpOnLoopback() : settings;
    }
}
