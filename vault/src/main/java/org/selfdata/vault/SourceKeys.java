package org.selfdata.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.prf.PrfSet;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

import static java.util.Objects.requireNonNull;

/**
 * One source's keys, opened: an AEAD (AES-256-GCM) that seals payloads, and a PRF (HMAC-SHA-256) that gives
 * records their fingerprints.
 *
 * <p>Fingerprints are keyed so that the database does not reveal which records are equal to a guess: a plain
 * hash of "coffee, 1.20 EUR, 14 March" could be confirmed by anyone holding the file. The PRF key never rotates,
 * because fingerprints must stay comparable across imports; the AEAD key does, and older keys stay in the keyset
 * so older records still open.
 */
final class SourceKeys {

    private final Aead aead;
    private final PrfSet prf;

    SourceKeys(Aead aead, PrfSet prf) {
        this.aead = requireNonNull(aead, "aead is null");
        this.prf = requireNonNull(prf, "prf is null");
    }

    byte[] seal(byte[] plaintext, byte[] associatedData) {
        try {
            return aead.encrypt(plaintext, associatedData);
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot seal a payload", e);
        }
    }

    byte[] open(byte[] ciphertext, byte[] associatedData) {
        try {
            return aead.decrypt(ciphertext, associatedData);
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.VAULT_CORRUPT, Wording.of("error.vault.payloadDoesNotOpen"), e);
        }
    }

    /**
     * 64 bits are plenty: a fingerprint only has to tell apart records of one source that start in the same
     * millisecond, and the unique index stays small enough to keep imports fast.
     */
    long fingerprint(byte[] canonicalContent) {
        try {
            return ByteBuffer.wrap(prf.computePrimary(canonicalContent, Long.BYTES)).getLong();
        }
        catch (GeneralSecurityException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot compute a fingerprint", e);
        }
    }
}
