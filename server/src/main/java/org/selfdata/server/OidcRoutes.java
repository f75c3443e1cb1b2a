package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.OwnerSessions;
import org.selfdata.vault.People;
import org.selfdata.vault.PersonIdentities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Signing in with the operator's OpenID Connect provider: {@code GET /sign-in/oidc} sends the browser there, and
 * {@code GET /sign-in/oidc/callback} takes it back, with a code to exchange (authorization code flow with PKCE).
 *
 * <p>Each sign-in has a state, a nonce and a PKCE verifier, kept on the server ({@link PendingSignIns}); the state is
 * also put in a cookie of this browser's, so that a code obtained by someone else and sent through this browser is
 * refused (a forged sign-in), and each state is used once. The ID token is checked against the provider's keys (its
 * issuer, this vault as its audience, its expiry, the nonce), and its subject is looked up among the identities the
 * operator linked, or, when the operator allows it, enrolled as a new member. The session that follows is the one a
 * password opens: the same cookie, the same CSRF token, the same lifetime; failures are counted by address with the
 * password's. A sign-in that fails goes back to the sign-in page with the reason, never with what the provider sent.
 */
final class OidcRoutes implements HttpService {
    static final String START = "/sign-in/oidc";
    static final String CALLBACK = "/sign-in/oidc/callback";
    static final String STATE_COOKIE = "selfdata_oidc_state";

    /** Why a sign-in was refused, as the sign-in page says it. */
    enum Refusal {
        /** The provider knows the person, the vault does not, and the operator does not let such people in. */
        UNKNOWN("page.signIn.refused.unknown"),
        /** The sign-in could not be completed: a state, code or token that did not check out. */
        FAILED("page.signIn.refused.failed"),
        /** Too many failures from this address lately. */
        THROTTLED("page.signIn.refused.throttled");

        private final String key;

        Refusal(String key) {
            this.key = key;
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** What the sign-in page says, naming the provider. */
        Wording wording(String providerName) {
            return Wording.of(key, providerName);
        }

        static Optional<Refusal> ofCode(String code) {
            for (Refusal refusal : values()) {
                if (refusal.code().equals(code)) {
                    return Optional.of(refusal);
                }
            }
            return Optional.empty();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(OidcRoutes.class);
    /** Handles are never blank, so no handle's failures are counted with those of an address signing in this way. */
    private static final String THROTTLE_KEY = " oidc ";
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HANDLE_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";

    private final Optional<OidcProvider> provider;
    private final PendingSignIns pending;
    private final IssuerAddress vaultAddress;
    private final People people;
    private final PersonIdentities identities;
    private final OwnerSessions sessions;
    private final SessionCookie cookie;
    private final SignInThrottle throttle;
    private final Duration lifetime;
    private final boolean secureCookies;

    OidcRoutes(Optional<OidcProvider> provider, PendingSignIns pending, IssuerAddress vaultAddress, People people,
               PersonIdentities identities, OwnerSessions sessions, SessionCookie cookie, SignInThrottle throttle,
               Duration lifetime, boolean secureCookies) {
        this.provider = requireNonNull(provider, "provider is null");
        this.pending = requireNonNull(pending, "pending is null");
        this.vaultAddress = requireNonNull(vaultAddress, "vaultAddress is null");
        this.people = requireNonNull(people, "people is null");
        this.identities = requireNonNull(identities, "identities is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.cookie = requireNonNull(cookie, "cookie is null");
        this.throttle = requireNonNull(throttle, "throttle is null");
        this.lifetime = requireNonNull(lifetime, "lifetime is null");
        this.secureCookies = secureCookies;
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get(START, this::start, Access.PUBLIC);
        routes.get(CALLBACK, this::callback, Access.PUBLIC);
    }

    private void start(Context ctx) {
        OidcProvider chosen = provider();
        PendingSignIns.Pending started = pending.begin(SafePaths.next(Optional.ofNullable(ctx.queryParam("next"))));
        ctx.cookie(stateCookie(started.state().getValue(), Math.toIntExact(PendingSignIns.LIFETIME.toSeconds())));
        ctx.redirect(chosen.authorization(callback(), started.state(), started.nonce(), started.verifier()).toString(),
                HttpStatus.SEE_OTHER);
    }

    private void callback(Context ctx) {
        OidcProvider chosen = provider();
        String address = ctx.ip();
        Optional<Duration> wait = throttle.admit(address, THROTTLE_KEY + address);
        if (wait.isPresent()) {
            ctx.header("Retry-After", Long.toString(Math.max(1, (wait.get().toMillis() + 999) / 1000)));
            refuse(ctx, Refusal.THROTTLED);
            return;
        }
        Optional<String> browserState = Optional.ofNullable(ctx.cookie(STATE_COOKIE)).filter(state -> !state.isEmpty());
        ctx.cookie(stateCookie("", 0));
        Optional<String> returnedState = Optional.ofNullable(ctx.queryParam("state")).filter(state -> !state.isEmpty());
        if (returnedState.isEmpty() || browserState.isEmpty() || !sameState(returnedState.get(), browserState.get())) {
            LOG.info("a sign-in with {} came back without the state this browser was given", chosen.name());
            refuse(ctx, Refusal.FAILED);
            return;
        }
        Optional<PendingSignIns.Pending> started = pending.take(returnedState.get());
        if (started.isEmpty()) {
            LOG.info("a sign-in with {} came back with a state that was used already or is too old", chosen.name());
            refuse(ctx, Refusal.FAILED);
            return;
        }
        Optional<String> error = Optional.ofNullable(ctx.queryParam("error"));
        Optional<String> code = Optional.ofNullable(ctx.queryParam("code")).filter(value -> !value.isBlank());
        if (error.isPresent() || code.isEmpty()) {
            LOG.info("{} sent a sign-in back without a code: {}", chosen.name(),
                    error.filter(value -> ERROR_CODE.matcher(value).matches()).orElse("no error named"));
            refuse(ctx, Refusal.FAILED);
            return;
        }
        OidcProvider.SignedInAs who;
        try {
            who = chosen.exchange(code.get(), callback(), started.get().verifier(), started.get().nonce());
        }
        catch (SelfdataException e) {
            LOG.warn("a sign-in with {} was refused: {}", chosen.name(), e.getMessage());
            refuse(ctx, Refusal.FAILED);
            return;
        }
        Optional<Person> person = identities.find(chosen.issuer(), who.subject())
                .or(() -> chosen.enrols() ? Optional.of(enrol(chosen, who)) : Optional.empty());
        if (person.isEmpty()) {
            LOG.info("someone {} knows signed in, but no person of the vault is linked to them", chosen.name());
            refuse(ctx, Refusal.UNKNOWN);
            return;
        }
        throttle.succeeded(address, THROTTLE_KEY + address);
        cookie.read(ctx).ifPresent(sessions::end);
        cookie.set(ctx, sessions.start(person.get().id(), lifetime));
        onward(ctx, started.get().next());
    }

    /**
     * A member for someone the provider knows and the vault does not: their handle is the user name the provider gave,
     * when it is a handle and free, or else one made up, which they can be told; their time zone is the operator's.
     */
    private Person enrol(OidcProvider chosen, OidcProvider.SignedInAs who) {
        ZoneId zone = people.operator().map(Person::zone).orElse(ZoneOffset.UTC);
        Optional<String> wished = who.preferredUsername().map(name -> name.strip().toLowerCase(Locale.ROOT))
                .filter(Person::isHandle);
        for (int attempt = 0; attempt < 4; attempt++) {
            String handle = attempt == 0 && wished.isPresent() ? wished.get() : madeUpHandle();
            try {
                Person enrolled = identities.enrol(handle, zone, chosen.issuer(), who.subject());
                LOG.info("a new member signed in with {} for the first time and was added to the vault", chosen.name());
                return enrolled;
            }
            catch (SelfdataException e) {
                if (e.code() != ErrorCode.CONFLICT) {
                    throw e;
                }
                Optional<Person> meanwhile = identities.find(chosen.issuer(), who.subject());
                if (meanwhile.isPresent()) {
                    return meanwhile.get();
                }
            }
        }
        throw new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.server.oidcNoHandle"));
    }

    private static String madeUpHandle() {
        StringBuilder handle = new StringBuilder("member-");
        for (int letter = 0; letter < 10; letter++) {
            handle.append(HANDLE_LETTERS.charAt(RANDOM.nextInt(HANDLE_LETTERS.length())));
        }
        return handle.toString();
    }

    private OidcProvider provider() {
        return provider.orElseThrow(() -> new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.server.oidcOff")));
    }

    /** Where the provider sends people back: beneath the address the vault names itself by, never a request's Host. */
    private URI callback() {
        return vaultAddress.resolve(CALLBACK.substring(1));
    }

    private static void refuse(Context ctx, Refusal refusal) {
        ctx.redirect(WebPage.SIGN_IN.path() + "?refused=" + refusal.code(), HttpStatus.SEE_OTHER);
    }

    /**
     * Onward to where the person was going, by a page of this site rather than a redirect: the session cookie is
     * SameSite=Strict, and a browser does not send it on a redirect that began at the provider, another site, while it
     * does on a navigation this page starts. The page has no script; it refreshes itself at once, and has a link.
     */
    private static void onward(Context ctx, String next) {
        String escaped = escaped(next);
        String continueWord = escaped(Texts.load(PageLanguage.chosen(ctx), WebPage.SIGN_IN.pageName()).get("sign-in.continue"));
        ctx.contentType("text/html; charset=utf-8").result("<!doctype html>\n<html><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + escaped + "\"><title>selfdata</title>"
                + "<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\"></head>"
                + "<body><p><a id=\"onward\" href=\"" + escaped + "\">" + continueWord + "</a></p></body></html>\n");
    }

    private Cookie stateCookie(String value, int maximumAgeSeconds) {
        // Lax, not Strict: the browser comes back from the provider, another site, and must bring the state with it.
        return new Cookie(STATE_COOKIE, value, CALLBACK, maximumAgeSeconds, secureCookies, true, null, SameSite.LAX);
    }

    private static boolean sameState(String returned, String kept) {
        return MessageDigest.isEqual(returned.getBytes(StandardCharsets.UTF_8), kept.getBytes(StandardCharsets.UTF_8));
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
