package org.selfdata.gate;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import static java.util.Objects.requireNonNull;

/**
 * Paging cursors for recipients: the {@link SharedPosition} of a page's last record, authenticated with HMAC-SHA-256
 * under a key of the person and recipient and bound to the grant, so that an altered cursor or another grant's is
 * refused.
 *
 * <p>A cursor holds only what the recipient already received of that record (the start of its unit of time and its
 * pseudonym), so it needs no secrecy, only integrity. It is deterministic: the same position under the same grant
 * always gives the same cursor, so that a cursor, like everything else a recipient sees, is a function of the records
 * as the grant transforms them.
 */
final class Cursors {
    private static final byte VERSION = 1;
    private static final int PSEUDONYM_BYTES = 16;
    private static final int TAG_BYTES = 16;
    private static final int CONTENT_BYTES = 1 + Long.BYTES + PSEUDONYM_BYTES;
    private static final int MAXIMUM_LENGTH = 128;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final byte[] grant;

    Cursors(byte[] key, GrantId grant) {
        if (key.length != 32) {
            throw new SelfdataException(ErrorCode.INTERNAL, "a cursor key is 32 bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.grant = requireNonNull(grant, "grant is null").value().getBytes(StandardCharsets.US_ASCII);
    }

    String seal(SharedPosition position) {
        byte[] pseudonym = Base64.getUrlDecoder().decode(position.pseudonym());
        if (pseudonym.length != PSEUDONYM_BYTES) {
            throw new SelfdataException(ErrorCode.INTERNAL, "a record's pseudonym is " + PSEUDONYM_BYTES + " bytes");
        }
        byte[] content = ByteBuffer.allocate(CONTENT_BYTES).put(VERSION).putLong(position.unit().toEpochMilli())
                .put(pseudonym).array();
        byte[] cursor = Arrays.copyOf(content, CONTENT_BYTES + TAG_BYTES);
        System.arraycopy(tag(content), 0, cursor, CONTENT_BYTES, TAG_BYTES);
        return BASE64URL.encodeToString(cursor);
    }

    SharedPosition open(String cursor) {
        if (cursor.length() > MAXIMUM_LENGTH) {
            throw notACursor();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        }
        catch (IllegalArgumentException e) {
            throw notACursor();
        }
        if (bytes.length != CONTENT_BYTES + TAG_BYTES || bytes[0] != VERSION) {
            throw notACursor();
        }
        byte[] content = Arrays.copyOf(bytes, CONTENT_BYTES);
        if (!MessageDigest.isEqual(tag(content), Arrays.copyOfRange(bytes, CONTENT_BYTES, bytes.length))) {
            throw notACursor();
        }
        ByteBuffer read = ByteBuffer.wrap(content, 1, CONTENT_BYTES - 1);
        Instant unit = Instant.ofEpochMilli(read.getLong());
        byte[] pseudonym = new byte[PSEUDONYM_BYTES];
        read.get(pseudonym);
        return new SharedPosition(unit, BASE64URL.encodeToString(pseudonym));
    }

    private byte[] tag(byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(grant);
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(content), TAG_BYTES);
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot authenticate a paging cursor", e);
        }
    }

    private static SelfdataException notACursor() {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.gate.notACursor"));
    }
}
