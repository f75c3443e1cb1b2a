package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;

/**
 * The one place where failures become HTTP responses: RFC 9457 problem details, {@code application/problem+json}.
 *
 * <p>Each {@link ErrorCode} has one status, one type and one title. The detail of a client error is the exception's
 * message, written to be read by the person and free of personal data. The detail of a server error is generic: its
 * message may name a database host or a key file, which is for the operator's log, not for the browser. Requests are
 * logged by their route's pattern, never by their path, query or body, which can carry record ids and passwords.
 */
final class Problems {
    static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://selfdata.invalid/problems/";
    static final String INTERNAL_DETAIL = "selfdata failed to serve this request; the server's log says why";

    private static final String UNAVAILABLE_DETAIL = "the vault is unavailable right now; the server's log says why";

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    /** What a problem says besides its detail. */
    record Kind(int status, String title) {}

    /** A problem as it is written out; without an instance when the request's path could not be read. */
    record Problem(String type, String title, int status, String detail, Optional<String> instance) {}

    /** A refusal that carries no exception of selfdata's: its code and what to tell the client. */
    record Refusal(ErrorCode code, String detail) {}

    private Problems() {}

    static void register(RoutesConfig routes) {
        routes.exception(SelfdataException.class, Problems::selfdataFailure);
        routes.exception(HttpResponseException.class, Problems::serverFailure);
        routes.exception(Exception.class, Problems::unexpectedFailure);
    }

    static Kind kind(ErrorCode code) {
        return switch (code) {
            case INVALID_ARGUMENT -> new Kind(400, "Invalid argument");
            case INVALID_INPUT -> new Kind(422, "Unreadable content");
            case UNSUPPORTED_FORMAT -> new Kind(415, "Unsupported format");
            case NOT_FOUND -> new Kind(404, "Not found");
            case CONFLICT -> new Kind(409, "Conflict");
            case UNAUTHENTICATED -> new Kind(401, "Not signed in");
            case FORBIDDEN -> new Kind(403, "Forbidden");
            case RATE_LIMITED -> new Kind(429, "Too many attempts");
            case TOO_LARGE -> new Kind(413, "Too large");
            case VAULT_MISSING, VAULT_CORRUPT, KEY_UNAVAILABLE, STORAGE_UNAVAILABLE -> new Kind(503, "Vault unavailable");
            case INTERNAL -> new Kind(500, "Internal error");
        };
    }

    /** The problem type of a code, such as {@code https://selfdata.invalid/problems/not-found}. */
    static String type(ErrorCode code) {
        return TYPE_BASE + code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void selfdataFailure(SelfdataException failure, Context ctx) {
        ErrorCode code = failure.code();
        if (kind(code).status() >= 500) {
            LOG.error("{} while serving {}", code, route(ctx), failure);
            write(ctx, code, code == ErrorCode.INTERNAL ? INTERNAL_DETAIL : UNAVAILABLE_DETAIL);
        }
        else {
            write(ctx, code, failure.getMessage());
            // Whole seconds, rounded up (RFC 9110 §10.2.3), so that a client waiting that long is let through.
            failure.retryAfter().ifPresent(wait -> ctx.header("Retry-After",
                    Long.toString(Math.max(1, (wait.toMillis() + 999) / 1_000))));
        }
    }

    /** Javalin's own refusals: no route for the path, or a body past its limit. */
    private static void serverFailure(HttpResponseException failure, Context ctx) {
        refusal(failure.getStatus()).ifPresentOrElse(
                refusal -> write(ctx, refusal.code(), refusal.detail()),
                () -> unexpectedFailure(failure, ctx));
    }

    /** What the web server's and Javalin's own refusals, which carry a status only, mean in selfdata's terms. */
    static Optional<Refusal> refusal(int status) {
        return switch (status) {
            case 400 -> refuse(ErrorCode.INVALID_ARGUMENT, "the request is malformed");
            case 404 -> refuse(ErrorCode.NOT_FOUND, "nothing is served at this path with this method");
            case 413 -> refuse(ErrorCode.TOO_LARGE, "the request body is larger than this server accepts");
            case 414 -> refuse(ErrorCode.TOO_LARGE, "the request's address is longer than this server accepts");
            case 431 -> refuse(ErrorCode.TOO_LARGE, "the request's headers are larger than this server accepts");
            default -> Optional.empty();
        };
    }

    private static Optional<Refusal> refuse(ErrorCode code, String detail) {
        return Optional.of(new Refusal(code, detail));
    }

    private static void unexpectedFailure(Exception failure, Context ctx) {
        LOG.error("unexpected failure while serving {}", route(ctx), failure);
        write(ctx, ErrorCode.INTERNAL, INTERNAL_DETAIL);
    }

    private static void write(Context ctx, ErrorCode code, String detail) {
        if (ctx.res().isCommitted()) {
            // A streamed response is already on its way: the client sees it cut short, which is all that can be said now.
            return;
        }
        ctx.res().resetBuffer();
        ctx.status(kind(code).status()).contentType(MEDIA_TYPE).result(body(code, detail, Optional.of(ctx.path())));
    }

    /**
     * A failure that happened away from a request, such as an import running after its upload was answered, as a
     * problem with the same rule as a response: a server error's detail is generic.
     */
    static Problem problem(ErrorCode code, String message, Optional<String> instance) {
        Kind kind = kind(code);
        String detail = kind.status() < 500 ? message : code == ErrorCode.INTERNAL ? INTERNAL_DETAIL : UNAVAILABLE_DETAIL;
        return new Problem(type(code), kind.title(), kind.status(), detail, instance);
    }

    static byte[] body(ErrorCode code, String detail, Optional<String> instance) {
        Kind kind = kind(code);
        return ApiJson.mapper().writeValueAsBytes(new Problem(type(code), kind.title(), kind.status(), detail, instance));
    }

    /** The method and the route's pattern, such as {@code GET /api/v1/records/{id}}: never the path itself. */
    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return ctx.method().name() + " " + (endpoint == null ? "(no route)" : endpoint.path);
    }
}
