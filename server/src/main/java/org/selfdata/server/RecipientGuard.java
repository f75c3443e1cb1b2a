package org.selfdata.server;

import io.javalin.http.Context;
import org.selfdata.gate.Accessor;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.SelfdataException;
import org.selfdata.vault.Grants;
import org.selfdata.vault.OAuthTokens;
import org.selfdata.texts.Wording;

import java.time.Clock;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Lets a recipient's request through with the grant its bearer token is bound to (RFC 6750), looked up afresh at every
 * request: a withdrawn grant has no tokens left, and an expired one is refused here, so no cache can outlive consent.
 * A request without a token is answered 401 with a bare {@code WWW-Authenticate: Bearer} challenge, since it did not try
 * (RFC 6750, section 3.1); an unknown or dead token with {@code Bearer error="invalid_token"}; a live token asking beyond
 * its grant gets 403 with {@code Bearer error="insufficient_scope"}, written where failures are answered. A token issued
 * for pushing alone (client credentials) opens only the routes marked {@link Access#PUSH}.
 */
final class RecipientGuard {
    private static final String RECIPIENT = "selfdata.recipient";
    private static final String BEARER = "Bearer ";
    /** The challenge of a request that asks beyond its grant. */
    static final String INSUFFICIENT_SCOPE = "Bearer error=\"insufficient_scope\"";

    private final OAuthTokens tokens;
    private final Grants grants;
    private final Clock clock;

    RecipientGuard(OAuthTokens tokens, Grants grants, Clock clock) {
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.grants = requireNonNull(grants, "grants is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    void check(Context ctx) {
        String token = bearerToken(ctx).orElseThrow(() -> noToken(ctx));
        OAuthTokens.Bearer bearer = tokens.findBearer(token).orElseThrow(() -> invalidToken(ctx,
                Wording.of("error.recipient.unknownToken")));
        OAuthTokens.Binding binding = bearer.binding();
        Grant grant = grants.find(binding.person(), binding.grant())
                .filter(found -> found.isEffectiveAt(clock.instant()))
                .orElseThrow(() -> invalidToken(ctx, Wording.of("error.recipient.grantEnded")));
        if (bearer.pushesOnly() && !ctx.routeRoles().contains(Access.PUSH)) {
            throw new SelfdataException(ErrorCode.FORBIDDEN, Wording.of("error.recipient.pushOnly"));
        }
        ctx.attribute(RECIPIENT, new Accessor.Recipient(binding.person(), grant));
    }

    /** Whether the token is a live one, so that a refusal can tell a token asking too much from a forged one. */
    boolean isLive(String token) {
        return tokens.findBearer(token).isPresent();
    }

    /** The recipient the guard let through, with its grant; only for recipients' routes. */
    static Accessor.Recipient recipient(Context ctx) {
        Accessor.Recipient recipient = ctx.attribute(RECIPIENT);
        if (recipient == null) {
            throw new SelfdataException(ErrorCode.INTERNAL, "a route that is not a recipient's asked for its grant");
        }
        return recipient;
    }

    static Optional<String> bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }

    private static SelfdataException noToken(Context ctx) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"selfdata\"");
        return new SelfdataException(ErrorCode.UNAUTHENTICATED, Wording.of("error.recipient.noToken"));
    }

    private static SelfdataException invalidToken(Context ctx, Wording message) {
        ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        return new SelfdataException(ErrorCode.UNAUTHENTICATED, message);
    }
}
