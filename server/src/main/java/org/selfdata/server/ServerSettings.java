package org.selfdata.server;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How the server listens and guards its owners' sessions.
 *
 * <p>The defaults are the safe ones: the loopback address only, session cookies marked {@code Secure}, one mebibyte
 * of JSON request body, two gibibytes of upload, eight-hour sessions. Cookies may go without {@code Secure} only on a
 * loopback address, where a browser talks plain HTTP to a server on the same machine; anywhere else the server must sit
 * behind TLS.
 *
 * @param host the address to listen on; never all interfaces unless asked for
 * @param port the port to listen on, or 0 for any free port
 * @param secureCookies whether the session cookie carries {@code Secure}, so browsers send it over HTTPS only
 * @param maximumRequestBytes the largest request body the JSON API reads
 * @param maximumUploadBytes the largest file, or multipart form holding it, that {@code POST /api/v1/imports} takes
 * @param sessionLifetime how long a sign-in lasts; also the session cookie's {@code Max-Age}
 * @param signInLimits how many failed sign-ins are tolerated before the server refuses more for a while
 * @param tiles where the places page's map background comes from; none by default, so that no page fetches anything
 *     from elsewhere
 * @param issuer the public address the vault names itself by as an authorization server (RFC 8414), such as
 *     {@code https://vault.example/}; without one, {@code http://<host>:<port>/} of the address it listens on, fixed
 *     when it starts. Never read from a request's {@code Host} header, which anyone can set.
 * @param tariffs the operator's own table of the regulated electricity tariffs, in the shipped table's format; without
 *     one, the table shipped with selfdata
 * @param singleSignOn the operator's OpenID Connect provider people may sign in with, beside their passwords; none by
 *     default
 */
public record ServerSettings(
        String host,
        int port,
        boolean secureCookies,
        long maximumRequestBytes,
        long maximumUploadBytes,
        Duration sessionLifetime,
        SignInLimits signInLimits,
        Optional<MapTiles> tiles,
        Optional<URI> issuer,
        Optional<Path> tariffs,
        Optional<SingleSignOn> singleSignOn) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAXIMUM_REQUEST_BYTES = 1024 * 1024;
    /** Room for a bank's decade of statements or a few years of Takeout location history, zipped. */
    public static final long DEFAULT_MAXIMUM_UPLOAD_BYTES = 2L * 1024 * 1024 * 1024;
    public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(8);

    private static final long MINIMUM_REQUEST_BYTES = 1024;

    public ServerSettings {
        requireNonNull(host, "host is null");
        requireNonNull(sessionLifetime, "sessionLifetime is null");
        requireNonNull(signInLimits, "signInLimits is null");
        requireNonNull(tiles, "tiles is null");
        requireNonNull(issuer, "issuer is null");
        requireNonNull(tariffs, "tariffs is null");
        requireNonNull(singleSignOn, "singleSignOn is null");
        if (host.isBlank()) {
            throw invalid(Wording.of("error.settings.hostBlank"));
        }
        if (port < 0 || port > 65_535) {
            throw invalid(Wording.of("error.settings.port", Integer.toString(port)));
        }
        if (maximumRequestBytes < MINIMUM_REQUEST_BYTES) {
            throw invalid(Wording.of("error.settings.requestBytes", Long.toString(MINIMUM_REQUEST_BYTES),
                    Long.toString(maximumRequestBytes)));
        }
        if (maximumUploadBytes < MINIMUM_REQUEST_BYTES) {
            throw invalid(Wording.of("error.settings.uploadBytes", Long.toString(MINIMUM_REQUEST_BYTES),
                    Long.toString(maximumUploadBytes)));
        }
        if (sessionLifetime.compareTo(Duration.ofMinutes(1)) < 0 || sessionLifetime.compareTo(Duration.ofDays(30)) > 0) {
            throw invalid(Wording.of("error.settings.sessionLifetime", sessionLifetime.toString()));
        }
        if (!secureCookies && !isLoopback(host)) {
            throw invalid(Wording.of("error.settings.insecureCookies", host));
        }
        issuer.ifPresent(ServerSettings::requireIssuer);
    }

    /** Loopback only on port 8080, Secure cookies, the default limits. */
    public static ServerSettings defaults() {
        return new ServerSettings(LOOPBACK, DEFAULT_PORT, true, DEFAULT_MAXIMUM_REQUEST_BYTES,
                DEFAULT_MAXIMUM_UPLOAD_BYTES, DEFAULT_SESSION_LIFETIME, SignInLimits.defaults(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, secureCookies, maximumRequestBytes, maximumUploadBytes,
                sessionLifetime, signInLimits, tiles, issuer, tariffs, singleSignOn);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, secureCookies, maximumRequestBytes, maximumUploadBytes,
                sessionLifetime, signInLimits, tiles, issuer, tariffs, singleSignOn);
    }

    /** For a browser on this machine talking plain HTTP to a loopback address, which cannot keep a Secure cookie everywhere. */
    public ServerSettings withPlainHttpOnLoopback() {
        return new ServerSettings(host, port, false, maximumRequestBytes, maximumUploadBytes, sessionLifetime,
                signInLimits, tiles, issuer, tariffs, singleSignOn);
    }

    public ServerSettings withMaximumRequestBytes(long newMaximumRequestBytes) {
        return new ServerSettings(host, port, secureCookies, newMaximumRequestBytes, maximumUploadBytes,
                sessionLifetime, signInLimits, tiles, issuer, tariffs, singleSignOn);
    }

    public ServerSettings withMaximumUploadBytes(long newMaximumUploadBytes) {
        return new ServerSettings(host, port, secureCookies, maximumRequestBytes, newMaximumUploadBytes,
                sessionLifetime, signInLimits, tiles, issuer, tariffs, singleSignOn);
    }

    public ServerSettings withSessionLifetime(Duration newSessionLifetime) {
        return new ServerSettings(host, port, secureCookies, maximumRequestBytes, maximumUploadBytes,
                newSessionLifetime, signInLimits, tiles, issuer, tariffs, singleSignOn);
    }

    public ServerSettings withSignInLimits(SignInLimits newSignInLimits) {
        return new ServerSettings(host, port, secureCookies, maximumRequestBytes, maximumUploadBytes,
                sessionLifetime, newSignInLimits, tiles, issuer, tariffs, singleSignOn);
    }

    public ServerSettings withTiles(MapTiles newTiles) {
        return new ServerSettings(host, port, secureCookies, maximumRequestBytes, maximumUploadBytes, sessionLifetime,
                signInLimits, Optional.of(newTiles), issuer, tariffs, singleSignOn);
    }

    /** The operator's own tariff table, read again whenever the file changes, in place of the one shipped. */
    public ServerSettings withTariffs(Path newTariffs) {
        return new ServerSettings(host, port, secureCookies, maximumRequestBytes, maximumUploadBytes, sessionLifetime,
                signInLimits, tiles, issuer, Optional.of(newTariffs), singleSignOn);
    }

    /** The public address apps reach the vault at, when it is not the address it listens on: behind a reverse proxy. */
    public ServerSettings withIssuer(URI newIssuer) {
        return new ServerSettings(host, port, secureCookies, maximumRequestBytes, maximumUploadBytes, sessionLifetime,
                signInLimits, tiles, Optional.of(newIssuer), tariffs, singleSignOn);
    }

    /** Lets people sign in with the operator's OpenID Connect provider, beside their passwords. */
    public ServerSettings withSingleSignOn(SingleSignOn newSingleSignOn) {
        return new ServerSettings(host, port, secureCookies, maximumRequestBytes, maximumUploadBytes, sessionLifetime,
                signInLimits, tiles, issuer, tariffs, Optional.of(newSingleSignOn));
    }

    /**
     * An issuer is an absolute {@code https} address without query or fragment (RFC 8414, section 2), ending with
     * {@code /} so that the endpoints resolve beneath it; plain {@code http} only for a loopback host, where nothing
     * travels over a network.
     */
    private static void requireIssuer(URI issuer) {
        String scheme = Optional.ofNullable(issuer.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        boolean shaped = issuer.isAbsolute() && issuer.getHost() != null && issuer.getRawQuery() == null
                && issuer.getRawFragment() == null && issuer.getRawUserInfo() == null
                && Optional.ofNullable(issuer.getRawPath()).orElse("").endsWith("/");
        if (!shaped || !(scheme.equals("https") || scheme.equals("http"))) {
            throw invalid(Wording.of("error.settings.issuerShape", issuer.toString()));
        }
        String literal = issuer.getHost().startsWith("[") ? issuer.getHost().substring(1, issuer.getHost().length() - 1)
                : issuer.getHost();
        if (scheme.equals("http") && !isLoopback(literal)) {
            throw invalid(Wording.of("error.settings.issuerPlainHttp", issuer.toString()));
        }
    }

    /** Only literal addresses count: a host name could resolve anywhere, and checking it would mean asking DNS. */
    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            return InetAddress.ofLiteral(host).isLoopbackAddress();
        }
        catch (IllegalArgumentException notLiteral) {
            return false;
        }
    }

    private static SelfdataException invalid(Wording message) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
