package io.pactum.core.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hash vectors of the 8-leaf reference tree (resources/merkle/vectors.json; see SOURCES.md there). */
class MerkleVectorsTest {
    private static JsonNode vectors;
    private static InMemoryLeafHashes cached;
    /** The same leaves through the default, uncached {@link LeafHashes#subtree}. */
    private static LeafHashes uncached;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = MerkleVectorsTest.class.getResourceAsStream("/merkle/vectors.json")) {
            vectors = new ObjectMapper().readTree(in);
        }
        cached = new InMemoryLeafHashes();
        vectors.get("leafInputs").forEach(input -> cached.appendEntry(HexFormat.of().parseHex(input.asText())));
        List<Hash> leafList = new ArrayList<>();
        for (long i = 0; i < cached.size(); i++) {
            leafList.add(cached.leaf(i));
        }
        uncached = new ListLeafHashes(leafList);
    }

    @Test
    void everyLeafHash() {
        JsonNode leafInputs = vectors.get("leafInputs");
        JsonNode expected = levels().get(0);
        assertThat(leafInputs).hasSize(8);
        for (int i = 0; i < 8; i++) {
            Hash leaf = MerkleHash.leaf(HexFormat.of().parseHex(leafInputs.get(i).asText()));
            assertThat(leaf.hex()).as("leaf %d", i).isEqualTo(expected.get(i).asText());
        }
    }

    @Test
    void everyCompleteSubtreeHash() {
        JsonNode levels = levels();
        assertThat(levels).hasSize(4);
        int checked = 0;
        for (int level = 0; level < levels.size(); level++) {
            JsonNode row = levels.get(level);
            assertThat(row).hasSize(8 >> level);
            for (int i = 0; i < row.size(); i++) {
                long start = (long) i << level;
                String want = row.get(i).asText();
                assertThat(cached.subtree(start, level).hex()).as("cached 2^%d at %d", level, start).isEqualTo(want);
                assertThat(uncached.subtree(start, level).hex()).as("default 2^%d at %d", level, start).isEqualTo(want);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(15);
    }

    @Test
    void everyRootForSizesZeroToEight() {
        assertThat(vectors.get("emptyRootHash").asText()).isEqualTo(MerkleHash.EMPTY_TREE.hex());
        JsonNode roots = vectors.get("rootHashesByTreeSize");
        assertThat(roots).hasSize(9);
        for (int size = 0; size <= 8; size++) {
            String want = rootAt(roots, size);
            assertThat(new MerkleTree(cached).rootHash(size).hex()).as("root of %d", size).isEqualTo(want);
            assertThat(new MerkleTree(uncached).rootHash(size).hex()).as("root of %d", size).isEqualTo(want);
        }
    }

    private static JsonNode levels() {
        return vectors.get("nodeHashesByLevel").get("levels");
    }

    private static String rootAt(JsonNode roots, int size) {
        JsonNode entry = roots.get(size);
        assertThat(entry.get("treeSize").asInt()).isEqualTo(size);
        return entry.get("root").asText();
    }
}
