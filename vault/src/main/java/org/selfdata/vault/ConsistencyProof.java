package org.selfdata.vault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * That the log of {@code toSize} entries extends the log of {@code fromSize} entries without changing any of them:
 * RFC 6962 §2.1.2. An auditor holding two signed heads checks it with {@link #verify}.
 */
public record ConsistencyProof(long fromSize, long toSize, List<TreeHash> path) {
    public ConsistencyProof {
        requireNonNull(path, "path is null");
        path = List.copyOf(path);
    }

    /** Whether the path proves {@code toRoot} extends {@code fromRoot}, as RFC 9162 §2.1.4.2 checks it. */
    public boolean verify(TreeHash fromRoot, TreeHash toRoot) {
        if (fromSize < 0 || fromSize > toSize) {
            return false;
        }
        if (fromSize == toSize) {
            return path.isEmpty() && fromRoot.equals(toRoot);
        }
        if (fromSize == 0) {
            // Every log extends the empty one.
            return path.isEmpty();
        }
        if (path.isEmpty()) {
            return false;
        }
        List<TreeHash> proof = new ArrayList<>(path);
        if (Long.bitCount(fromSize) == 1) {
            proof.addFirst(fromRoot);
        }
        MerkleHashing hashing = new MerkleHashing();
        long fn = fromSize - 1;
        long sn = toSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = proof.getFirst().bytes();
        byte[] sr = fr;
        for (TreeHash node : proof.subList(1, proof.size())) {
            if (sn == 0) {
                return false;
            }
            byte[] c = node.bytes();
            if ((fn & 1) == 1 || fn == sn) {
                fr = hashing.node(c, fr);
                sr = hashing.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else {
                sr = hashing.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, fromRoot.bytes()) && Arrays.equals(sr, toRoot.bytes());
    }
}
