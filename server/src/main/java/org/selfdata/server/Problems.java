package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The one place where failures become HTTP responses: RFC 9457 problem details, {@code application/problem+json}.
 *
 * <p>Each {@link ErrorCode} has one status, one type and one title. The detail of a client error is the exception's
 * message, written to be read by the person and free of personal data. The detail of a server error is generic: its
 * message may name a database host or a key file, which is for the operator's log, not for the browser. Requests are
 * logged by their route's pattern, never by their path, query or body, which can carry record ids and passwords.
 *
 * <p>Title and detail are in the language the request prefers ({@code Accept-Language}, as RFC 9457 §3.1.3 allows),
 * English by default; the type, which a client acts on, is the same in every language.
 */
final class Problems {
    static final String MEDIA_TYPE = "application/problem+json";
    /**
     * Where problem types live: on the vault's own origin, as a reference with its full path (RFC 9457, section
     * 3.1.1), so that each resolves to its page ({@link ProblemTypeRoutes}) however the vault is reached.
     */
    static final String TYPE_BASE = "/problems/";
    static final String INTERNAL_DETAIL = "problem.detail.internal";

    private static final String UNAVAILABLE_DETAIL = "problem.detail.unavailable";

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    /** What a problem says besides its detail: its status, and the key of its title. */
    record Kind(int status, String title) {}

    /** A problem as it is written out; without an instance when the request's path could not be read. */
    record Problem(String type, String title, int status, String detail, Optional<String> instance) {}

    /** A refusal that carries no exception of selfdata's: its code and the key of what to tell the client. */
    record Refusal(ErrorCode code, String detail) {}

    private Problems() {}

    static void register(RoutesConfig routes) {
        routes.exception(SelfdataException.class, Problems::selfdataFailure);
        routes.exception(HttpResponseException.class, Problems::serverFailure);
        routes.exception(Exception.class, Problems::unexpectedFailure);
    }

    static Kind kind(ErrorCode code) {
        return switch (code) {
            case INVALID_ARGUMENT -> new Kind(400, "problem.title.invalid-argument");
            case INVALID_INPUT -> new Kind(422, "problem.title.invalid-input");
            case UNSUPPORTED_FORMAT -> new Kind(415, "problem.title.unsupported-format");
            case NOT_FOUND -> new Kind(404, "problem.title.not-found");
            case CONFLICT -> new Kind(409, "problem.title.conflict");
            case UNAUTHENTICATED -> new Kind(401, "problem.title.unauthenticated");
            case FORBIDDEN -> new Kind(403, "problem.title.forbidden");
            case METHOD_NOT_ALLOWED -> new Kind(405, "problem.title.method-not-allowed");
            case RATE_LIMITED -> new Kind(429, "problem.title.rate-limited");
            case TOO_LARGE -> new Kind(413, "problem.title.too-large");
            case VAULT_MISSING, VAULT_CORRUPT, KEY_UNAVAILABLE, STORAGE_UNAVAILABLE ->
                    new Kind(503, "problem.title.unavailable");
            case REMOTE_SERVICE_FAILED -> new Kind(502, "problem.title.remote-service-failed");
            case INTERNAL -> new Kind(500, "problem.title.internal");
        };
    }

    /** The problem type of a code, such as {@code /problems/not-found}. */
    static String type(ErrorCode code) {
        return TYPE_BASE + ProblemTypeRoutes.type(code);
    }

    /** The language a request's problems are written in. */
    static Language language(Context ctx) {
        return Language.preferred(Optional.ofNullable(ctx.header("Accept-Language")).orElse(""));
    }

    private static void selfdataFailure(SelfdataException failure, Context ctx) {
        ErrorCode code = failure.code();
        Language language = language(ctx);
        if (!speaksToClient(code)) {
            LOG.error("{} while serving {}", code, route(ctx), failure);
            write(ctx, code, Words.of(language).say(serverDetail(code)), language);
        }
        else {
            if (code == ErrorCode.FORBIDDEN && ctx.routeRoles().contains(Access.RECIPIENT)) {
                // The token was let through, so it is live: what it asked lies beyond its grant (RFC 6750, section 3.1).
                ctx.header("WWW-Authenticate", RecipientGuard.INSUFFICIENT_SCOPE);
            }
            write(ctx, code, failure.message(language), language);
            // Whole seconds, rounded up (RFC 9110 §10.2.3), so that a client waiting that long is let through.
            failure.retryAfter().ifPresent(wait -> ctx.header("Retry-After",
                    Long.toString(Math.max(1, (wait.toMillis() + 999) / 1_000))));
        }
    }

    /**
     * Javalin's own refusals: no route for the path, a route that takes other methods (with {@code Allow} naming them,
     * RFC 9110 §15.5.6), or a body past its limit.
     */
    private static void serverFailure(HttpResponseException failure, Context ctx) {
        if (failure.getStatus() == 405) {
            String allowed = failure.getDetails().getOrDefault("availableMethods", "");
            ctx.header("Allow", allowed);
            write(ctx, ErrorCode.METHOD_NOT_ALLOWED, Words.of(language(ctx)).say(Wording.of("problem.detail.methodNotAllowed",
                    ctx.method().name(), allowed)), language(ctx));
            return;
        }
        refusal(failure.getStatus()).ifPresentOrElse(
                refusal -> write(ctx, refusal.code(), Words.of(language(ctx)).say(refusal.detail()), language(ctx)),
                () -> unexpectedFailure(failure, ctx));
    }

    /** What the web server's and Javalin's own refusals, which carry a status only, mean in selfdata's terms. */
    static Optional<Refusal> refusal(int status) {
        return switch (status) {
            case 400 -> refuse(ErrorCode.INVALID_ARGUMENT, "problem.detail.malformed");
            case 404 -> refuse(ErrorCode.NOT_FOUND, "problem.detail.noRoute");
            case 413 -> refuse(ErrorCode.TOO_LARGE, "problem.detail.bodyTooLarge");
            case 414 -> refuse(ErrorCode.TOO_LARGE, "problem.detail.addressTooLong");
            case 431 -> refuse(ErrorCode.TOO_LARGE, "problem.detail.headersTooLarge");
            default -> Optional.empty();
        };
    }

    private static Optional<Refusal> refuse(ErrorCode code, String detail) {
        return Optional.of(new Refusal(code, detail));
    }

    private static void unexpectedFailure(Exception failure, Context ctx) {
        LOG.error("unexpected failure while serving {}", route(ctx), failure);
        write(ctx, ErrorCode.INTERNAL, Words.of(language(ctx)).say(INTERNAL_DETAIL), language(ctx));
    }

    /**
     * Whether a failure's own message is the detail the client reads. A client error's is; so is a remote service's
     * (502), which tells the person what their mail server refused and is worded without the host, the address or the
     * password. Other server errors' messages are for the operator's log.
     */
    static boolean speaksToClient(ErrorCode code) {
        int status = kind(code).status();
        return status < 500 || code == ErrorCode.REMOTE_SERVICE_FAILED;
    }

    private static String serverDetail(ErrorCode code) {
        return code == ErrorCode.INTERNAL ? INTERNAL_DETAIL : UNAVAILABLE_DETAIL;
    }

    /**
     * Answers a failure the route expected and says itself, such as a readiness probe's database that does not answer:
     * its detail is the route's own wording, which names nothing of the server's setup, and it is not logged as an
     * error, since a probe asks every few seconds for as long as the database is away.
     */
    static void expected(Context ctx, ErrorCode code, Wording detail) {
        Language language = language(ctx);
        write(ctx, code, Words.of(language).say(detail), language);
    }

    private static void write(Context ctx, ErrorCode code, String detail, Language language) {
        if (ctx.res().isCommitted()) {
            // A streamed response is already on its way: the client sees it cut short, which is all that can be said now.
            return;
        }
        ctx.res().resetBuffer();
        ctx.status(kind(code).status()).contentType(MEDIA_TYPE).header("Content-Language", language.code())
                .result(body(code, detail, Optional.of(ctx.path()), language));
    }

    /**
     * A failure that happened away from a request, such as an import running after its upload was answered, as a
     * problem with the same rule as a response: a server error's detail is generic.
     */
    static Problem problem(SelfdataException failure, Optional<String> instance, Language language) {
        Kind kind = kind(failure.code());
        String detail = speaksToClient(failure.code()) ? failure.message(language)
                : Words.of(language).say(serverDetail(failure.code()));
        return new Problem(type(failure.code()), Words.of(language).say(kind.title()), kind.status(), detail, instance);
    }

    /** A failure of selfdata's own making, away from a request: said as an internal error, its detail generic. */
    static Problem internalProblem(Optional<String> instance, Language language) {
        return problem(new SelfdataException(ErrorCode.INTERNAL, "an unexpected failure"), instance, language);
    }

    static byte[] body(ErrorCode code, String detail, Optional<String> instance, Language language) {
        Kind kind = kind(code);
        return ApiJson.mapper().writeValueAsBytes(new Problem(type(code), Words.of(language).say(kind.title()),
                kind.status(), detail, instance));
    }

    /** The method and the route's pattern, such as {@code GET /api/v1/records/{id}}: never the path itself. */
    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return ctx.method().name() + " " + (endpoint == null ? "(no route)" : endpoint.path);
    }
}
