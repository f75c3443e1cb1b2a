package org.selfdata.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.OwnerSessions;

import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Runs before every matched route: lets public routes through, hands recipients' routes to the {@link RecipientGuard}
 * and auditors' to the {@link AuditorGuard},
 * and asks every other for a live session and, when the request changes something, for the session's CSRF token. A
 * recipient's token presented to an owner's route is refused as such, so that the recipient learns what it lacks: a live
 * one with {@code Bearer error="insufficient_scope"} (RFC 6750, section 3.1).
 *
 * <p>The decision rests on the route Javalin matched, not on the path as written, so a path spelled differently
 * (a trailing slash, an encoded character) cannot reach a route around its guard. A request that matches no route is
 * not guarded here and ends in a 404.
 */
final class OwnerGuard {
    private static final String SIGNED_IN = "selfdata.signedIn";
    private static final Set<HandlerType> STATE_CHANGING =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final OwnerSessions sessions;
    private final SessionCookie cookie;
    private final CsrfTokens csrfTokens;
    private final RecipientGuard recipients;
    private final AuditorGuard auditors;

    OwnerGuard(OwnerSessions sessions, SessionCookie cookie, CsrfTokens csrfTokens, RecipientGuard recipients,
               AuditorGuard auditors) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.cookie = requireNonNull(cookie, "cookie is null");
        this.csrfTokens = requireNonNull(csrfTokens, "csrfTokens is null");
        this.recipients = requireNonNull(recipients, "recipients is null");
        this.auditors = requireNonNull(auditors, "auditors is null");
    }

    void check(Context ctx) {
        if (ctx.routeRoles().contains(Access.PUBLIC)) {
            return;
        }
        if (ctx.routeRoles().contains(Access.RECIPIENT)) {
            recipients.check(ctx);
            return;
        }
        if (ctx.routeRoles().contains(Access.AUDITOR)) {
            auditors.check(ctx);
            return;
        }
        Optional<String> bearer = RecipientGuard.bearerToken(ctx);
        if (cookie.read(ctx).isEmpty() && bearer.isPresent()) {
            if (recipients.isLive(bearer.get())) {
                ctx.header("WWW-Authenticate", RecipientGuard.INSUFFICIENT_SCOPE);
            }
            throw new SelfdataException(ErrorCode.FORBIDDEN, Wording.of("error.server.ownerRoute"));
        }
        String token = cookie.read(ctx).orElseThrow(OwnerGuard::notSignedIn);
        PersonId person = sessions.find(token).orElseThrow(OwnerGuard::notSignedIn);
        if (STATE_CHANGING.contains(ctx.method())) {
            requireCsrfToken(ctx, token);
        }
        ctx.attribute(SIGNED_IN, new SignedIn(person, token));
    }

    private void requireCsrfToken(Context ctx, String sessionToken) {
        String presented = ctx.header(CsrfTokens.HEADER);
        if (presented == null || presented.isEmpty()) {
            throw new SelfdataException(ErrorCode.FORBIDDEN, Wording.of("error.server.csrfMissing"));
        }
        if (!csrfTokens.matches(sessionToken, presented)) {
            throw new SelfdataException(ErrorCode.FORBIDDEN, Wording.of("error.server.csrfWrong"));
        }
    }

    /** The owner the guard let through; only for routes that are not public. */
    static SignedIn signedIn(Context ctx) {
        SignedIn signedIn = ctx.attribute(SIGNED_IN);
        if (signedIn == null) {
            throw new SelfdataException(ErrorCode.INTERNAL, "a public route asked for the signed-in owner");
        }
        return signedIn;
    }

    private static SelfdataException notSignedIn() {
        return new SelfdataException(ErrorCode.UNAUTHENTICATED, Wording.of("error.server.notSignedIn"));
    }
}
