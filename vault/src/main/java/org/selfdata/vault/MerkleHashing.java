package org.selfdata.vault;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 with RFC 6962's domain separation: a leaf is hashed after a 0x00 byte and a node after 0x01, so no leaf
 * can pass for a node. One instance per thread: it keeps its digest.
 */
final class MerkleHashing {
    private static final byte[] EMPTY = new byte[0];

    private final MessageDigest digest;

    MerkleHashing() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "this Java runtime has no SHA-256", e);
        }
    }

    /** The root of an empty tree: the hash of nothing. */
    byte[] empty() {
        return digest.digest(EMPTY);
    }

    byte[] leaf(byte[] leaf) {
        digest.update((byte) 0);
        return digest.digest(leaf);
    }

    byte[] node(byte[] left, byte[] right) {
        digest.update((byte) 1);
        digest.update(left);
        return digest.digest(right);
    }

    /** The largest power of two smaller than {@code n}, for n at least 2: where RFC 6962 splits a tree. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }
}
