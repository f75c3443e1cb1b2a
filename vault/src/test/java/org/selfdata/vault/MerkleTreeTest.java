package org.selfdata.vault;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeTest {
    private static final List<String> LEAVES = List.of("d0", "d1", "d2", "d3", "d4", "d5", "d6");

    // The seven-leaf tree drawn in RFC 6962 §2.1.3, hashed here step by step without the code under test.
    private final byte[] a = leaf("d0");
    private final byte[] b = leaf("d1");
    private final byte[] c = leaf("d2");
    private final byte[] d = leaf("d3");
    private final byte[] e = leaf("d4");
    private final byte[] f = leaf("d5");
    private final byte[] j = leaf("d6");
    private final byte[] g = node(a, b);
    private final byte[] h = node(c, d);
    private final byte[] i = node(e, f);
    private final byte[] k = node(g, h);
    private final byte[] l = node(i, j);
    private final byte[] root = node(k, l);

    @Test
    void theEmptyTreeHasTheHashOfNothing() {
        assertThat(tree(0).root().hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void aTreeOfOneLeafHasTheLeafHashWithItsZeroPrefix() throws NoSuchAlgorithmException {
        // SHA-256 of the bytes 00 64 30 ("\0d0"), worked out apart from the leaf() of this test.
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(HexFormat.of().parseHex("006430"));

        assertThat(tree(1).root()).isEqualTo(new TreeHash(expected));
    }

    @Test
    void theSevenLeafTreeOfTheRfcHasTheRootDrawnThere() {
        assertThat(tree(7).root()).isEqualTo(new TreeHash(root));
        assertThat(tree(3).root()).isEqualTo(new TreeHash(node(g, c)));
        assertThat(tree(6).root()).isEqualTo(new TreeHash(node(k, i)));
    }

    @Test
    void auditPathsAreTheRfcExamples() {
        MerkleTree tree = tree(7);

        assertThat(tree.inclusion(0, 7).path()).containsExactly(hash(b), hash(h), hash(l));
        assertThat(tree.inclusion(3, 7).path()).containsExactly(hash(c), hash(g), hash(l));
        assertThat(tree.inclusion(4, 7).path()).containsExactly(hash(f), hash(j), hash(k));
        assertThat(tree.inclusion(6, 7).path()).containsExactly(hash(i), hash(k));
    }

    @Test
    void consistencyProofsAreTheRfcExamples() {
        MerkleTree tree = tree(7);

        assertThat(tree.consistency(3, 7).path()).containsExactly(hash(c), hash(d), hash(g), hash(l));
        assertThat(tree.consistency(4, 7).path()).containsExactly(hash(l));
        assertThat(tree.consistency(6, 7).path()).containsExactly(hash(i), hash(j), hash(k));
    }

    @Test
    void theRfcProofsVerifyAndTamperedOnesDoNot() {
        MerkleTree tree = tree(7);
        TreeHash seven = new TreeHash(root);

        assertThat(tree.inclusion(3, 7).verify(hash(d), seven)).isTrue();
        assertThat(tree.inclusion(3, 7).verify(hash(c), seven)).isFalse();
        assertThat(new InclusionProof(3, 7, List.of(hash(c), hash(g), hash(i))).verify(hash(d), seven)).isFalse();
        assertThat(tree.consistency(3, 7).verify(new TreeHash(node(g, c)), seven)).isTrue();
        assertThat(tree.consistency(3, 7).verify(new TreeHash(node(g, d)), seven)).isFalse();
    }

    @Test
    void theFrontierGivesTheTreesRootAtEverySize() {
        MerkleHashing hashing = new MerkleHashing();
        MerkleFrontier frontier = MerkleFrontier.empty(hashing);
        for (int size = 0; size <= 130; size++) {
            assertThat(new TreeHash(frontier.root())).as("size %d", size).isEqualTo(tree(size).root());
            MerkleFrontier copied = MerkleFrontier.of(hashing, frontier.size(), frontier.bytes());
            assertThat(new TreeHash(copied.root())).isEqualTo(tree(size).root());
            frontier.add(leaf(name(size)));
        }
    }

    @Test
    void everyInclusionProofOfRandomTreesVerifiesAndOnlyForItsOwnLeafAndSize() {
        Random random = new Random(6962);
        for (int round = 0; round < 40; round++) {
            int size = 1 + random.nextInt(150);
            MerkleTree tree = tree(size);
            for (int treeSize = 1; treeSize <= size; treeSize += 1 + random.nextInt(7)) {
                TreeHash treeRoot = tree(treeSize).root();
                TreeHash largerRoot = tree(treeSize + 1).root();
                for (int index = 0; index < treeSize; index++) {
                    InclusionProof proof = tree.inclusion(index, treeSize);
                    assertThat(proof.verify(tree.leafHash(index), treeRoot)).as("%d in %d", index, treeSize).isTrue();
                    int other = (index + 1) % treeSize;
                    if (other != index) {
                        assertThat(proof.verify(tree.leafHash(other), treeRoot)).isFalse();
                        assertThat(new InclusionProof(other, treeSize, proof.path()).verify(tree.leafHash(index), treeRoot))
                                .isFalse();
                    }
                    assertThat(new InclusionProof(index, treeSize + 1, proof.path()).verify(tree.leafHash(index), largerRoot))
                            .as("%d in %d checked as in %d", index, treeSize, treeSize + 1).isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofOfRandomTreesVerifiesAndOnlyBetweenItsOwnSizes() {
        Random random = new Random(9162);
        for (int round = 0; round < 10; round++) {
            int size = 1 + random.nextInt(100);
            MerkleTree tree = tree(size);
            for (int to = 1; to <= size; to++) {
                TreeHash toRoot = tree(to).root();
                for (int from = 1; from <= to; from++) {
                    TreeHash fromRoot = tree(from).root();
                    ConsistencyProof proof = tree.consistency(from, to);
                    assertThat(proof.verify(fromRoot, toRoot)).as("%d to %d", from, to).isTrue();
                    if (from < to) {
                        assertThat(proof.verify(tree(from + 1).root(), toRoot)).isFalse();
                        assertThat(new ConsistencyProof(from + 1, to, proof.path()).verify(fromRoot, toRoot)).isFalse();
                        assertThat(proof.verify(fromRoot, fromRoot)).isFalse();
                    }
                }
            }
        }
    }

    private static MerkleTree tree(int size) {
        byte[] hashes = new byte[size * TreeHash.LENGTH];
        for (int index = 0; index < size; index++) {
            System.arraycopy(leaf(name(index)), 0, hashes, index * TreeHash.LENGTH, TreeHash.LENGTH);
        }
        return new MerkleTree(hashes);
    }

    private static String name(int index) {
        return index < LEAVES.size() ? LEAVES.get(index) : "d" + index;
    }

    private static TreeHash hash(byte[] bytes) {
        return new TreeHash(bytes);
    }

    private static byte[] leaf(String data) {
        return sha256(new byte[] {0}, data.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] node(byte[] left, byte[] right) {
        return sha256(new byte[] {1}, left, right);
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
