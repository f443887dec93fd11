package io.pactum.core.ledger;

import io.pactum.core.ledger.merkle.Hash;
import io.pactum.core.ledger.merkle.LeafHashes;
import io.pactum.core.ledger.merkle.MerkleHash;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of the ledger's Merkle tree: the hashes of the complete subtrees that together
 * cover all leaves (one per 1-bit of the size, at most 63). Enough to append a leaf, to name the
 * complete subtrees an append finishes, and to compute the root, without reading the store.
 */
final class LedgerFrontier {
    private record Node(long start, int level, Hash hash) {}

    private final List<Node> nodes;
    private long size;

    private LedgerFrontier(List<Node> nodes, long size) {
        this.nodes = nodes;
        this.size = size;
    }

    static LedgerFrontier empty() {
        return new LedgerFrontier(new ArrayList<>(), 0);
    }

    /** The frontier of the first {@code size} leaves, with O(log n) subtree lookups. */
    static LedgerFrontier of(LeafHashes leaves, long size) {
        List<Node> nodes = new ArrayList<>();
        long start = 0;
        for (int level = 62; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                nodes.add(new Node(start, level, leaves.subtree(start, level)));
                start += 1L << level;
            }
        }
        return new LedgerFrontier(nodes, size);
    }

    LedgerFrontier copy() {
        return new LedgerFrontier(new ArrayList<>(nodes), size);
    }

    long size() {
        return size;
    }

    /** Adds the next leaf; adds to {@code completed} each kept subtree this leaf completes. */
    void add(Hash leafHash, List<SubtreeHash> completed) {
        nodes.add(new Node(size, 0, leafHash));
        size++;
        while (nodes.size() >= 2) {
            Node right = nodes.get(nodes.size() - 1);
            Node left = nodes.get(nodes.size() - 2);
            if (left.level() != right.level()) {
                break;
            }
            nodes.remove(nodes.size() - 1);
            Node parent = new Node(left.start(), left.level() + 1, MerkleHash.node(left.hash(), right.hash()));
            nodes.set(nodes.size() - 1, parent);
            if (KeptSubtrees.isKept(parent.level())) {
                completed.add(new SubtreeHash(parent.start(), parent.level(), parent.hash()));
            }
        }
    }

    /** The RFC 9162 root of all leaves: the right-edge subtrees folded from the right. */
    Hash root() {
        if (nodes.isEmpty()) {
            return MerkleHash.EMPTY_TREE;
        }
        Hash root = nodes.get(nodes.size() - 1).hash();
        for (int i = nodes.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(nodes.get(i).hash(), root);
        }
        return root;
    }
}
