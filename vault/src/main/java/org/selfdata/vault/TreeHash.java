package org.selfdata.vault;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/** A SHA-256 value of the log's Merkle tree: a leaf's hash, a node's, or a root. */
public record TreeHash(byte[] bytes) {
    public static final int LENGTH = 32;

    public TreeHash {
        requireNonNull(bytes, "bytes is null");
        if (bytes.length != LENGTH) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.vault.treeHashLength", bytes.length));
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public static TreeHash fromBase64(String text) {
        try {
            return new TreeHash(Base64.getUrlDecoder().decode(text));
        }
        catch (IllegalArgumentException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.vault.treeHashText"), e);
        }
    }

    /** Unpadded base64url, as in the signed head and the API. */
    public String base64() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TreeHash hash && Arrays.equals(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
