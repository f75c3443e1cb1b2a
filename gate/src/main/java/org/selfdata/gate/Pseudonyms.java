package org.selfdata.gate;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Stands in for identifiers with a keyed hash, so that one recipient sees the same pseudonym for the same identifier
 * on every read, while two recipients, holding different keys, cannot join what they received, and nobody without
 * the key can test a guess (a phone number is easy to guess; its HMAC is not).
 *
 * <p>An identifier's pseudonym is its HMAC-SHA-256 truncated to 128 bits, written as 22 base64url characters:
 * collisions stay out of reach for any person's data.
 *
 * <p>A record id's pseudonym is computed for every record a shared read considers, a million in a day's read, so it
 * is AES-256 of one block rather than an HMAC: the id's number fits in one 16-byte block, and AES-NI encrypts a block
 * in a few dozen nanoseconds where an HMAC takes half a microsecond. AES under a secret key is a pseudorandom
 * permutation, as unlinkable across keys and as impossible to test a guess against as the HMAC; being a permutation,
 * it never gives two records of a type one pseudonym. Each type has its own AES key, derived from the pseudonym key by
 * HMAC under a label naming the type, so no key serves two algorithms, records of two types never share a pseudonym,
 * and an identifier that happens to read like a record id never shares its pseudonym either.
 *
 * <p>Only the record's number goes into its pseudonym, never its start: a recipient orders the records of one unit of
 * its grant's time precision by their pseudonyms, so a pseudonym that depended on the exact start would let the exact
 * start show through the order.
 */
public final class Pseudonyms {
    private static final int KEY_BYTES = 32;
    private static final int PSEUDONYM_BYTES = 16;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static final byte[] IDENTIFIER = "identifier:".getBytes(StandardCharsets.US_ASCII);
    private static final String RECORD_KEY = "record key:";

    /** As many identifiers' pseudonyms as a page of a thousand records could hold. */
    private static final int IDENTIFIERS_KEPT = 1_024;

    private final Mac mac;
    private final Map<String, String> identifiers = new HashMap<>();
    private final Map<RecordType, Cipher> records = new EnumMap<>(RecordType.class);
    private final byte[] block = new byte[PSEUDONYM_BYTES];
    private final byte[] pseudonym = new byte[PSEUDONYM_BYTES];

    /** {@code key} is copied; it must be 32 bytes, one key per person and recipient. */
    public Pseudonyms(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.gate.pseudonymKey", KEY_BYTES, key.length));
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Arrays.copyOf(key, KEY_BYTES), "HmacSHA256"));
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "HMAC-SHA-256 is not available", e);
        }
    }

    /**
     * The AES key of a type's record pseudonyms, derived when the type is first met: a recipient's page holds one or a
     * few types, and deriving the keys of every type at each of its requests cost more than the page's pseudonyms.
     */
    private Cipher recordCipher(RecordType type) {
        Cipher cipher = records.get(type);
        if (cipher == null) {
            try {
                cipher = Cipher.getInstance("AES/ECB/NoPadding");
                byte[] label = (RECORD_KEY + type.id()).getBytes(StandardCharsets.US_ASCII);
                cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(mac.doFinal(label), "AES"));
            }
            catch (GeneralSecurityException e) {
                throw new SelfdataException(ErrorCode.INTERNAL, "AES is not available", e);
            }
            records.put(type, cipher);
        }
        return cipher;
    }

    /**
     * The pseudonym of an identifier such as an IBAN, a phone number or an e-mail address, compared as written. A page
     * repeats the same few identifiers (one device for a hundred points), so the pseudonyms given are kept, up to a
     * bound, rather than computed again: the same identifier always has the same pseudonym under one key.
     */
    public synchronized String identifier(String identifier) {
        String kept = identifiers.get(identifier);
        if (kept != null) {
            return kept;
        }
        String made = pseudonym(IDENTIFIER, identifier);
        if (identifiers.size() >= IDENTIFIERS_KEPT) {
            identifiers.clear();
        }
        identifiers.put(identifier, made);
        return made;
    }

    /**
     * The pseudonym of a record id: its number, unique within the person whose records are the only ones ever encrypted
     * under these keys, as a big-endian long in the second half of a block whose first half is zero, encrypted under
     * its type's key.
     */
    public synchronized String record(RecordId id) {
        put(0, 0);
        put(id.number(), Long.BYTES);
        try {
            recordCipher(id.type()).doFinal(block, 0, PSEUDONYM_BYTES, pseudonym, 0);
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "AES failed on one block", e);
        }
        return encode(pseudonym);
    }

    private synchronized String pseudonym(byte[] label, String value) {
        mac.update(label);
        return encode(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private void put(long value, int offset) {
        for (int index = 0; index < Long.BYTES; index++) {
            block[offset + index] = (byte) (value >>> (Long.SIZE - Byte.SIZE * (index + 1)));
        }
    }

    private static String encode(byte[] digest) {
        return BASE64URL.encodeToString(Arrays.copyOf(digest, PSEUDONYM_BYTES));
    }
}
