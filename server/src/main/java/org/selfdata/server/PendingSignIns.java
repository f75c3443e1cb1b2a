package org.selfdata.server;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The sign-ins sent to the provider and not back yet: for each, its state, the nonce its ID token must carry, the PKCE
 * verifier that goes with its code, and where the person goes once signed in.
 *
 * <p>They stay on the server, where neither the browser nor the provider can read or change them, for ten minutes at
 * most, and each is taken once: a state sent back twice, or too late, finds nothing. Memory is bounded: past
 * {@link #CAPACITY} sign-ins under way, the oldest goes, so that someone starting sign-ins without end cannot fill the
 * server's memory; the price is that a flood can make an honest sign-in start again.
 */
final class PendingSignIns {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final int CAPACITY = 10_000;

    /** One sign-in under way. */
    record Pending(State state, Nonce nonce, CodeVerifier verifier, String next, long startedAtMillis) {}

    private final Clock clock;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    PendingSignIns(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A new sign-in, with a fresh state, nonce and verifier, each of 256 random bits or more. */
    synchronized Pending begin(String next) {
        long now = clock.millis();
        forgetExpired(now);
        while (pending.size() >= CAPACITY) {
            Iterator<String> oldest = pending.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        Pending started = new Pending(new State(32), new Nonce(32), new CodeVerifier(), requireNonNull(next, "next is null"),
                now);
        pending.put(started.state().getValue(), started);
        return started;
    }

    /** The sign-in of this state, once: it is gone afterwards, whether it was still in time or not. */
    synchronized Optional<Pending> take(String state) {
        Pending found = pending.remove(requireNonNull(state, "state is null"));
        if (found == null || clock.millis() - found.startedAtMillis() >= LIFETIME.toMillis()) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    synchronized int size() {
        return pending.size();
    }

    /** The map keeps the order sign-ins began in, so the expired ones are at its head. */
    private void forgetExpired(long now) {
        Iterator<Pending> oldest = pending.values().iterator();
        while (oldest.hasNext() && now - oldest.next().startedAtMillis() >= LIFETIME.toMillis()) {
            oldest.remove();
        }
    }
}
