package org.selfdata.vault;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * That entry {@code index} is in the log of {@code treeSize} entries: the audit path of RFC 6962 §2.1.1, from the
 * leaf's sibling up. Anyone holding the entry and a signed head of that size can check it with {@link #verify}.
 */
public record InclusionProof(long index, long treeSize, List<TreeHash> path) {
    public InclusionProof {
        requireNonNull(path, "path is null");
        path = List.copyOf(path);
    }

    /** Whether the path leads from this leaf hash to this root, as RFC 9162 §2.1.3.2 checks it. */
    public boolean verify(TreeHash leafHash, TreeHash root) {
        if (index < 0 || index >= treeSize) {
            return false;
        }
        MerkleHashing hashing = new MerkleHashing();
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash.bytes();
        for (TreeHash sibling : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = hashing.node(sibling.bytes(), r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else {
                r = hashing.node(r, sibling.bytes());
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root.bytes());
    }

    /** The hash of a leaf as RFC 6962 hashes it: SHA-256 of 0x00 and the leaf's bytes. */
    public static TreeHash leafHash(byte[] leaf) {
        return new TreeHash(new MerkleHashing().leaf(leaf));
    }
}
