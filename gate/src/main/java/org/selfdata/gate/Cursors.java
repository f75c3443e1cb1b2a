package org.selfdata.gate;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantId;
import org.selfdata.model.RecordId;
import org.selfdata.model.SelfdataException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import static java.util.Objects.requireNonNull;

/**
 * Paging cursors for recipients: the id of a page's last record, sealed with AES-GCM under a key of the person and
 * recipient and bound to the grant. A plain record id would tell its exact start time, which a coarse time precision
 * hides; a sealed one tells nothing, and a cursor of another grant, or an altered one, is refused.
 */
final class Cursors {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAXIMUM_LENGTH = 512;

    private final SecretKeySpec key;
    private final byte[] grant;

    Cursors(byte[] key, GrantId grant) {
        if (key.length != 32) {
            throw new SelfdataException(ErrorCode.INTERNAL, "a cursor key is 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.grant = requireNonNull(grant, "grant is null").value().getBytes(StandardCharsets.US_ASCII);
    }

    String seal(RecordId id) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
            byte[] sealed = cipher.doFinal(id.token().getBytes(StandardCharsets.US_ASCII));
            byte[] cursor = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, cursor, NONCE_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot seal a paging cursor", e);
        }
    }

    RecordId open(String cursor) {
        try {
            if (cursor.length() > MAXIMUM_LENGTH) {
                throw notACursor();
            }
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            if (bytes.length <= NONCE_BYTES) {
                throw notACursor();
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES));
            byte[] token = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return RecordId.fromToken(new String(token, StandardCharsets.US_ASCII));
        }
        catch (IllegalArgumentException | AEADBadTagException e) {
            throw notACursor();
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot open a paging cursor", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(grant);
        return cipher;
    }

    private static SelfdataException notACursor() {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                "parameter 'after' is not a cursor this grant was given; use the 'next' of the previous page");
    }
}
