package org.selfdata.server;

import io.javalin.http.Context;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Headers every response carries, errors and pages included.
 *
 * <p>The policy allows the page's own script, style and API and nothing else: no inline script, no other origin, no
 * framing. Nothing is cached: API responses hold personal data, and the page is small enough to fetch each time, so a
 * new version of the server is never shown with an old script.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    private static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Resource-Policy", "same-origin",
            "Cache-Control", "no-store");

    static void apply(Context ctx) {
        HEADERS.forEach(ctx::header);
    }

    /** For responses written by the web server itself, before a request reaches Javalin. */
    static void apply(BiConsumer<String, String> headers) {
        HEADERS.forEach(headers);
    }
}
