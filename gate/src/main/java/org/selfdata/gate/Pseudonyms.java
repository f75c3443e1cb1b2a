package org.selfdata.gate;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.RecordId;
import org.selfdata.model.SelfdataException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Stands in for identifiers with a keyed hash, so that one recipient sees the same pseudonym for the same identifier
 * on every read, while two recipients, holding different keys, cannot join what they received, and nobody without
 * the key can test a guess (a phone number is easy to guess; its HMAC is not).
 *
 * <p>HMAC-SHA-256 truncated to 128 bits, written as 22 base64url characters: collisions stay out of reach for any
 * person's data. Identifiers and record ids are hashed under different labels, so an identifier that happens to read
 * like a record id never shares its pseudonym.
 */
public final class Pseudonyms {
    private static final int KEY_BYTES = 32;
    private static final int PSEUDONYM_BYTES = 16;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static final byte[] IDENTIFIER = "identifier:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECORD = "record:".getBytes(StandardCharsets.US_ASCII);

    private final Mac mac;

    /** {@code key} is copied; it must be 32 bytes, one key per person and recipient. */
    public Pseudonyms(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    "a pseudonym key is " + KEY_BYTES + " bytes, was " + key.length);
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Arrays.copyOf(key, KEY_BYTES), "HmacSHA256"));
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "HMAC-SHA-256 is not available", e);
        }
    }

    /** The pseudonym of an identifier such as an IBAN, a phone number or an e-mail address, compared as written. */
    public String identifier(String identifier) {
        return pseudonym(IDENTIFIER, identifier);
    }

    /**
     * The pseudonym of a record id: a record id tells when the record starts and how many came before it. Hashed are
     * the bytes its token encodes (type, a zero byte, start and number as big-endian longs), read once per shared
     * record, so they are not encoded first.
     */
    public synchronized String record(RecordId id) {
        mac.update(RECORD);
        mac.update(id.type().id().getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        update(id.startMillis());
        update(id.number());
        return encode(mac.doFinal());
    }

    private synchronized String pseudonym(byte[] label, String value) {
        mac.update(label);
        return encode(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private void update(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            mac.update((byte) (value >>> shift));
        }
    }

    private static String encode(byte[] digest) {
        return BASE64URL.encodeToString(Arrays.copyOf(digest, PSEUDONYM_BYTES));
    }
}
