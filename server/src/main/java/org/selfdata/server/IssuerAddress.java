package org.selfdata.server;

import com.nimbusds.oauth2.sdk.id.Issuer;

import java.net.URI;
import java.util.Optional;
import java.util.function.IntSupplier;

import static java.util.Objects.requireNonNull;

/**
 * The address the vault names itself by as an authorization server: the issuer of RFC 8414, the {@code iss} of every
 * authorization response (RFC 9207), and the base of the endpoints its metadata lists.
 *
 * <p>It is the one the operator set, or else {@code http://<host>:<port>/} of the address the server listens on, with
 * the port it actually got. It is never read from a request: a {@code Host} header is whatever the sender writes, and
 * metadata built from it would send apps and their codes to someone else's server (RFC 8414, section 6).
 */
final class IssuerAddress {
    private final Optional<URI> configured;
    private final String host;
    private final IntSupplier port;

    private IssuerAddress(Optional<URI> configured, String host, IntSupplier port) {
        this.configured = requireNonNull(configured, "configured is null");
        this.host = requireNonNull(host, "host is null");
        this.port = requireNonNull(port, "port is null");
    }

    /**
     * The settings' issuer, or the listening address with the port the server got; that port is only known once the
     * server listens, so it is asked for each time, by which time every request finds it fixed.
     */
    static IssuerAddress of(ServerSettings settings, IntSupplier listeningPort) {
        return new IssuerAddress(settings.issuer(), settings.host(), listeningPort);
    }

    URI uri() {
        return configured.orElseGet(() -> URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + port.getAsInt() + "/"));
    }

    Issuer issuer() {
        return new Issuer(uri());
    }

    /** An endpoint of the server, such as {@code oauth/token}, beneath the issuer. */
    URI resolve(String path) {
        return uri().resolve(path);
    }
}
