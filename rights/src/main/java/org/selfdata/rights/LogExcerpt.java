package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import org.selfdata.vault.InclusionProof;
import org.selfdata.vault.SignedTreeHead;
import org.selfdata.vault.TreeHash;
import org.selfdata.vault.Vault;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The part of a person's transparency log an evidence pack carries: some entries, byte for byte as they were hashed,
 * each with its inclusion proof against one signed head, that head as the vault signed it, and the public key that
 * verifies it. Whatever fields an entry holds, its bytes are copied as they are, since its hash is what the head signs.
 *
 * @param root the Merkle root the head signs
 * @param signedHead the head as a compact JWS (ES256)
 * @param publicKey the public JWK of the key that signed the head
 * @param entries the entries by their index
 */
record LogExcerpt(long treeSize, TreeHash root, Instant timestamp, String signedHead, String publicKey,
        SortedMap<Long, Entry> entries) {
    LogExcerpt {
        requireNonNull(root, "root is null");
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(signedHead, "signedHead is null");
        requireNonNull(publicKey, "publicKey is null");
        entries = new TreeMap<>(entries);
    }

    /** An entry's leaf as hashed, and the audit path from its leaf hash to the head's root, leaf side first. */
    record Entry(byte[] leaf, List<TreeHash> path) {
        Entry {
            requireNonNull(leaf, "leaf is null");
            path = List.copyOf(path);
        }

        TreeHash leafHash() {
            return InclusionProof.leafHash(leaf);
        }
    }

    /**
     * The entries at these indices of the person's log, read once in order, with their proofs against its newest head.
     * Refuses an index the head does not cover, and a vault whose head or entries do not check: a pack made from them
     * would prove nothing.
     */
    static LogExcerpt of(Vault vault, PersonId person, SortedSet<Long> indices) {
        Map<Long, byte[]> leaves = new HashMap<>();
        long[] position = {0};
        SignedTreeHead head = vault.log().leaves(person, leaf -> {
            long index = position[0]++;
            if (indices.contains(index)) {
                leaves.put(index, leaf);
            }
        });
        if (!head.verify(vault.signingKey().verifier())) {
            throw new SelfdataException(ErrorCode.VAULT_CORRUPT, Wording.of("error.rights.evidence.headBroken"));
        }
        SortedMap<Long, Entry> entries = new TreeMap<>();
        for (long index : indices) {
            byte[] leaf = leaves.get(index);
            if (leaf == null) {
                throw new SelfdataException(ErrorCode.NOT_FOUND,
                        Wording.of("error.rights.evidence.noEntry", Long.toString(index), head.treeSize()));
            }
            InclusionProof proof = vault.log().inclusionProof(person, index, head.treeSize());
            if (!proof.verify(InclusionProof.leafHash(leaf), head.root())) {
                throw new SelfdataException(ErrorCode.VAULT_CORRUPT,
                        Wording.of("error.rights.evidence.entryBroken", Long.toString(index)));
            }
            entries.put(index, new Entry(leaf, proof.path()));
        }
        String publicKey = vault.signingKey().publicKeys().getKeyByKeyId(vault.signingKey().keyId()).toJSONString();
        return new LogExcerpt(head.treeSize(), head.root(), head.timestamp(), head.jws(), publicKey, entries);
    }
}
