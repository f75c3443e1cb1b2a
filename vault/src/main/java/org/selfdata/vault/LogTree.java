package org.selfdata.vault;

/**
 * The root of a log built leaf by leaf, without keeping the leaves: for checking a log read from elsewhere, such as an
 * export archive, against its signed head.
 */
public final class LogTree {
    private final MerkleHashing hashing = new MerkleHashing();
    private final MerkleFrontier frontier = MerkleFrontier.empty(hashing);

    public void add(byte[] leaf) {
        frontier.add(hashing.leaf(leaf));
    }

    public long size() {
        return frontier.size();
    }

    public TreeHash root() {
        return new TreeHash(frontier.root());
    }
}
