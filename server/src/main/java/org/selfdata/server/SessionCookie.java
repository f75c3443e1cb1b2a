package org.selfdata.server;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The cookie that carries an owner's session token.
 *
 * <p>HttpOnly, so no script, even an injected one, can read it; SameSite=Strict, so no other site can make the
 * browser send it; Path=/ and no Domain, so it goes to this host only; Secure unless the server was told it serves
 * plain HTTP on a loopback address. It lives as long as the session it carries.
 */
final class SessionCookie {
    static final String NAME = "selfdata_session";

    private final boolean secure;
    private final Duration lifetime;

    SessionCookie(boolean secure, Duration lifetime) {
        this.secure = secure;
        this.lifetime = requireNonNull(lifetime, "lifetime is null");
    }

    Optional<String> read(Context ctx) {
        return Optional.ofNullable(ctx.cookie(NAME)).filter(token -> !token.isEmpty());
    }

    void set(Context ctx, String token) {
        ctx.cookie(cookie(token, Math.toIntExact(lifetime.toSeconds())));
    }

    void expire(Context ctx) {
        ctx.cookie(cookie("", 0));
    }

    private Cookie cookie(String value, int maximumAgeSeconds) {
        return new Cookie(NAME, value, "/", maximumAgeSeconds, secure, true, null, SameSite.STRICT);
    }
}
