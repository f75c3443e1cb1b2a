package org.selfdata.server;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import static java.util.Objects.requireNonNull;

/**
 * Where the metrics listener listens: the loopback address unless the operator names another, such as the address a
 * Prometheus on the private network scrapes.
 *
 * @param host the address to listen on
 * @param port the port, or 0 for any free port
 */
public record MetricsSettings(String host, int port) {
    public MetricsSettings {
        requireNonNull(host, "host is null");
        if (host.isBlank()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.settings.hostBlank"));
        }
        if (port < 0 || port > 65_535) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.settings.port", Integer.toString(port)));
        }
    }

    /** On this machine only, at that port. */
    public static MetricsSettings onLoopback(int port) {
        return new MetricsSettings(ServerSettings.LOOPBACK, port);
    }
}
