package org.selfdata.vault;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The roots of the perfect subtrees along the right edge of a Merkle tree, one per bit set in its size: enough to
 * append a leaf and to compute the root without the leaves before it. Appending is amortised one node hash; the
 * root folds the subtrees from the right, which is RFC 6962's tree hash for any size.
 */
final class MerkleFrontier {
    private final MerkleHashing hashing;
    private final List<byte[]> subtrees;
    private long size;

    private MerkleFrontier(MerkleHashing hashing, List<byte[]> subtrees, long size) {
        this.hashing = hashing;
        this.subtrees = subtrees;
        this.size = size;
    }

    static MerkleFrontier empty(MerkleHashing hashing) {
        return new MerkleFrontier(hashing, new ArrayList<>(), 0);
    }

    /** A frontier as {@link #bytes} wrote it, for a tree of {@code size} leaves. */
    static MerkleFrontier of(MerkleHashing hashing, long size, byte[] bytes) {
        int count = Long.bitCount(size);
        if (bytes.length != count * TreeHash.LENGTH) {
            throw new SelfdataException(ErrorCode.VAULT_CORRUPT, "the log's stored frontier does not fit its size " + size);
        }
        List<byte[]> subtrees = new ArrayList<>();
        for (int position = 0; position < count; position++) {
            subtrees.add(Arrays.copyOfRange(bytes, position * TreeHash.LENGTH, (position + 1) * TreeHash.LENGTH));
        }
        return new MerkleFrontier(hashing, subtrees, size);
    }

    void add(byte[] leafHash) {
        byte[] carried = leafHash;
        // Each trailing 1 bit of the size is a subtree of the same height as the carried one: they merge.
        for (long bits = size; (bits & 1) == 1; bits >>>= 1) {
            carried = hashing.node(subtrees.removeLast(), carried);
        }
        subtrees.add(carried);
        size++;
    }

    long size() {
        return size;
    }

    byte[] root() {
        if (subtrees.isEmpty()) {
            return hashing.empty();
        }
        byte[] root = subtrees.getLast();
        for (int position = subtrees.size() - 2; position >= 0; position--) {
            root = hashing.node(subtrees.get(position), root);
        }
        return root;
    }

    byte[] bytes() {
        byte[] bytes = new byte[subtrees.size() * TreeHash.LENGTH];
        for (int position = 0; position < subtrees.size(); position++) {
            System.arraycopy(subtrees.get(position), 0, bytes, position * TreeHash.LENGTH, TreeHash.LENGTH);
        }
        return bytes;
    }
}
