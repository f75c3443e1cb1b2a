package org.selfdata.vault;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Merkle tree over leaf hashes held in memory, hashed as RFC 6962 §2.1 says, with its audit paths (§2.1.1) and
 * consistency proofs (§2.1.2). The leaf hashes sit in one array, 32 bytes each, so a million leaves cost 32 MB.
 */
final class MerkleTree {
    private final MerkleHashing hashing = new MerkleHashing();
    private final byte[] leafHashes;
    private final long size;

    MerkleTree(byte[] leafHashes) {
        if (leafHashes.length % TreeHash.LENGTH != 0) {
            throw new SelfdataException(ErrorCode.INTERNAL, "leaf hashes are 32 bytes each");
        }
        this.leafHashes = leafHashes;
        this.size = leafHashes.length / TreeHash.LENGTH;
    }

    long size() {
        return size;
    }

    TreeHash root() {
        return new TreeHash(size == 0 ? hashing.empty() : hash(0, size));
    }

    TreeHash leafHash(long index) {
        return new TreeHash(leaf(index));
    }

    /** PATH(m, D[n]) of RFC 6962 §2.1.1, for the tree of the first {@code treeSize} leaves. */
    InclusionProof inclusion(long index, long treeSize) {
        requireSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.vault.entryNotInLog", Long.toString(index), Long.toString(treeSize)));
        }
        List<TreeHash> path = new ArrayList<>();
        path(index, 0, treeSize, path);
        return new InclusionProof(index, treeSize, path);
    }

    /** PROOF(m, D[n]) of RFC 6962 §2.1.2, from the tree of {@code fromSize} leaves to that of {@code toSize}. */
    ConsistencyProof consistency(long fromSize, long toSize) {
        requireSize(toSize);
        if (fromSize < 0 || fromSize > toSize) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.vault.consistencySizes", Long.toString(fromSize), Long.toString(toSize)));
        }
        List<TreeHash> proof = new ArrayList<>();
        if (fromSize > 0 && fromSize < toSize) {
            subproof(fromSize, 0, toSize, true, proof);
        }
        return new ConsistencyProof(fromSize, toSize, proof);
    }

    private void requireSize(long treeSize) {
        if (treeSize > size) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.vault.logSizeNot", Long.toString(size), Long.toString(treeSize)));
        }
    }

    /** Appends to {@code path}, leaf side first, the siblings of leaf {@code index} in the subtree [start, end). */
    private void path(long index, long start, long end, List<TreeHash> path) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = MerkleHashing.split(n);
        if (index - start < k) {
            path(index, start, start + k, path);
            path.add(new TreeHash(hash(start + k, end)));
        }
        else {
            path(index, start + k, end, path);
            path.add(new TreeHash(hash(start, start + k)));
        }
    }

    private void subproof(long m, long start, long end, boolean whole, List<TreeHash> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(new TreeHash(hash(start, end)));
            }
            return;
        }
        long k = MerkleHashing.split(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, proof);
            proof.add(new TreeHash(hash(start + k, end)));
        }
        else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(new TreeHash(hash(start, start + k)));
        }
    }

    /** MTH(D[start:end]) for a non-empty range. */
    private byte[] hash(long start, long end) {
        if (end - start == 1) {
            return leaf(start);
        }
        long k = MerkleHashing.split(end - start);
        return hashing.node(hash(start, start + k), hash(start + k, end));
    }

    private byte[] leaf(long index) {
        int offset = Math.toIntExact(index * TreeHash.LENGTH);
        return Arrays.copyOfRange(leafHashes, offset, offset + TreeHash.LENGTH);
    }
}
