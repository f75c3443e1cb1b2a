package org.selfdata.server;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import static java.util.Objects.requireNonNull;

/**
 * Tokens that prove a state-changing request comes from the owner's own page, not from another site riding on the
 * session cookie.
 *
 * <p>A session's token is the HMAC-SHA256 of its session token under a key drawn when the server starts, so nothing is
 * stored: the server derives the token again to check it. Another site cannot derive it, since it knows neither the key
 * nor the session token (the cookie is HttpOnly), and cannot read it from {@code GET /api/v1/session}, which the
 * same-origin policy keeps from it. The key lives in memory only, so a restart changes every token; the page then gets
 * a 403 and fetches the new one from {@code GET /api/v1/session}. Several servers sharing one PostgreSQL vault would
 * each have their own key, so a client must stay with one server or fetch the token again after a 403.
 */
final class CsrfTokens {
    static final String HEADER = "X-CSRF-Token";

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    CsrfTokens(byte[] key) {
        requireNonNull(key, "key is null");
        if (key.length < 32) {
            throw new IllegalArgumentException("a CSRF key needs at least 32 bytes, was " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    static CsrfTokens withNewKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new CsrfTokens(key);
    }

    String tokenFor(String sessionToken) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(sessionToken));
    }

    /** Whether the presented token is the session's, compared in constant time so its bytes cannot be guessed one by one. */
    boolean matches(String sessionToken, String presented) {
        byte[] expected = tokenFor(sessionToken).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(String sessionToken) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(sessionToken.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
