package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.People;
import org.selfdata.vault.OwnerSessions;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Signing in and out: {@code POST}, {@code GET} and {@code DELETE /api/v1/session}.
 *
 * <p>A wrong handle and a wrong password get the same answer, in the same time (the vault checks a decoy hash for
 * unknown handles), so the answer does not tell which handles exist.
 */
final class SessionRoutes implements HttpService {
    static final String PATH = "/api/v1/session";

    private static final Set<String> SIGN_IN_PROPERTIES = Set.of("handle", "password");

    private final People people;
    private final OwnerSessions sessions;
    private final SessionCookie cookie;
    private final CsrfTokens csrfTokens;
    private final SignInThrottle throttle;
    private final JsonBodies bodies;
    private final Duration lifetime;

    record PersonJson(String handle, String zone) {}

    record SessionJson(PersonJson person, String csrfToken) {}

    SessionRoutes(People people, OwnerSessions sessions, SessionCookie cookie, CsrfTokens csrfTokens, SignInThrottle throttle,
            JsonBodies bodies, Duration lifetime) {
        this.people = requireNonNull(people, "people is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.cookie = requireNonNull(cookie, "cookie is null");
        this.csrfTokens = requireNonNull(csrfTokens, "csrfTokens is null");
        this.throttle = requireNonNull(throttle, "throttle is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
        this.lifetime = requireNonNull(lifetime, "lifetime is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.post(PATH, this::signIn, Access.PUBLIC);
        routes.get(PATH, this::current);
        routes.delete(PATH, this::signOut);
    }

    private void signIn(Context ctx) {
        Credentials credentials = credentials(bodies.read(ctx));
        try {
            if (!Person.isHandle(credentials.handle())) {
                // No one can sign in with it, so there is nothing to guess and no password to check.
                throw wrongCredentials();
            }
            String address = ctx.ip();
            admit(ctx, address, credentials.handle());
            Person person = people.authenticate(credentials.handle(), credentials.password())
                    .orElseThrow(SessionRoutes::wrongCredentials);
            throttle.succeeded(address, credentials.handle());
            cookie.read(ctx).ifPresent(sessions::end);
            String token = sessions.start(person.id(), lifetime);
            cookie.set(ctx, token);
            ctx.json(session(person, token));
        }
        finally {
            Arrays.fill(credentials.password(), '\0');
        }
    }

    /** Counts the attempt, or refuses it with the seconds to wait, rounded up, in Retry-After. */
    private void admit(Context ctx, String address, String handle) {
        Optional<Duration> wait = throttle.admit(address, handle);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new SelfdataException(ErrorCode.RATE_LIMITED, Wording.of("error.server.signInsThrottled", seconds));
        }
    }

    private void current(Context ctx) {
        SignedIn signedIn = OwnerGuard.signedIn(ctx);
        ctx.json(session(people.get(signedIn.person()), signedIn.sessionToken()));
    }

    private void signOut(Context ctx) {
        sessions.end(OwnerGuard.signedIn(ctx).sessionToken());
        cookie.expire(ctx);
        ctx.status(204);
    }

    private SessionJson session(Person person, String sessionToken) {
        return new SessionJson(new PersonJson(person.handle(), person.zone().getId()), csrfTokens.tokenFor(sessionToken));
    }

    /** A handle and a password; the password as characters, so that they can be wiped once checked. */
    private record Credentials(String handle, char[] password) {}

    private static Credentials credentials(JsonNode body) {
        if (!body.isObject()) {
            throw invalidRequest(Wording.of("error.server.signInObject"));
        }
        if (!SIGN_IN_PROPERTIES.containsAll(body.propertyNames())) {
            throw invalidRequest(Wording.of("error.server.signInProperties"));
        }
        return new Credentials(text(body, "handle"), text(body, "password").toCharArray());
    }

    private static String text(JsonNode body, String property) {
        JsonNode value = body.get(property);
        if (value == null || !value.isString()) {
            throw invalidRequest(Wording.of("error.server.signInNeeds", property));
        }
        return value.stringValue();
    }

    private static SelfdataException invalidRequest(Wording message) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, message);
    }

    private static SelfdataException wrongCredentials() {
        return new SelfdataException(ErrorCode.UNAUTHENTICATED, Wording.of("error.server.wrongCredentials"));
    }
}
