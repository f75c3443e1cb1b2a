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
 * An unknown or dead token is answered 401 with {@code WWW-Authenticate: Bearer error="invalid_token"}.
 */
final class RecipientGuard {
    private static final String RECIPIENT = "selfdata.recipient";
    private static final String BEARER = "Bearer ";

    private final OAuthTokens tokens;
    private final Grants grants;
    private final Clock clock;

    RecipientGuard(OAuthTokens tokens, Grants grants, Clock clock) {
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.grants = requireNonNull(grants, "grants is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    void check(Context ctx) {
        String token = bearerToken(ctx).orElseThrow(() -> invalidToken(ctx,
                Wording.of("error.recipient.noToken")));
        OAuthTokens.Binding binding = tokens.findAccess(token).orElseThrow(() -> invalidToken(ctx,
                Wording.of("error.recipient.unknownToken")));
        Grant grant = grants.find(binding.person(), binding.grant())
                .filter(found -> found.isEffectiveAt(clock.instant()))
                .orElseThrow(() -> invalidToken(ctx, Wording.of("error.recipient.grantEnded")));
        ctx.attribute(RECIPIENT, new Accessor.Recipient(binding.person(), grant));
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

    private static SelfdataException invalidToken(Context ctx, Wording message) {
        ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        return new SelfdataException(ErrorCode.UNAUTHENTICATED, message);
    }
}
