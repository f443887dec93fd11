package io.pactum.core.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden proof probes of transparency-dev/merkle (resources/merkle/transparency-dev-merkle; see
 * SOURCES.md there): every happy path verifies and every {@code wantErr} probe is rejected.
 *
 * <p>Our {@link Hash} is exactly 32 bytes, so a probe carrying a hash of another length (empty, or
 * the 12-byte "don't care" placeholders) is rejected when it is parsed, before any verifier runs.
 * That is stricter than upstream in one place: the happy probe {@value #PLACEHOLDER_HAPPY_PROBE}
 * (sizes 1 = 1, equal 12-byte roots) is rejected as malformed, which this test asserts explicitly.
 */
class GoldenProbesTest {
    private static final String ROOT = "/merkle/transparency-dev-merkle/testdata";
    private static final String PLACEHOLDER_HAPPY_PROBE = "consistency/additional/sizes-are-equal-one-and-proof-is-empty.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The 8-leaf tree the probes were generated from (leaf inputs of vectors.json). */
    private static final MerkleTree REFERENCE_TREE = referenceTree();

    @TestFactory
    Stream<DynamicTest> inclusionProbes() {
        return probes("inclusion").map(file -> DynamicTest.dynamicTest(name(file), () -> checkInclusion(file)));
    }

    @TestFactory
    Stream<DynamicTest> consistencyProbes() {
        return probes("consistency").map(file -> DynamicTest.dynamicTest(name(file), () -> checkConsistency(file)));
    }

    @Test
    void allProbesArePresent() {
        assertThat(probes("inclusion").count()).isEqualTo(98);
        assertThat(probes("consistency").count()).isEqualTo(98);
    }

    @Test
    void theOneHappyProbeWithPlaceholderRootsIsRejectedAsMalformed() {
        JsonNode probe = read(dir().resolve(PLACEHOLDER_HAPPY_PROBE));
        assertThat(probe.get("wantErr").asBoolean()).isFalse();
        assertThatThrownBy(() -> Hash.fromBase64(probe.get("root1").asText()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes, got 12");
    }

    /** Who decided a probe: so a parsing slip cannot pass off every probe as "rejected". */
    private enum Outcome { VERIFIED, REJECTED_BY_VERIFIER, MALFORMED_HASH }

    @Test
    void mostProbesAreDecidedByTheVerifiersNotByHashParsing() {
        assertThat(probes("inclusion").map(GoldenProbesTest::checkInclusion))
                .filteredOn(Outcome.VERIFIED::equals).hasSize(6);
        assertThat(probes("inclusion").map(GoldenProbesTest::checkInclusion))
                .filteredOn(Outcome.REJECTED_BY_VERIFIER::equals).hasSize(66);
        assertThat(probes("consistency").map(GoldenProbesTest::checkConsistency))
                .filteredOn(Outcome.VERIFIED::equals).hasSize(5);
        assertThat(probes("consistency").map(GoldenProbesTest::checkConsistency))
                .filteredOn(Outcome.REJECTED_BY_VERIFIER::equals).hasSize(66);
    }

    private static Outcome checkInclusion(Path file) {
        JsonNode probe = read(file);
        boolean wantErr = probe.get("wantErr").asBoolean();
        Parsed<Hash> leaf = parse(probe.get("leafHash"));
        Parsed<Hash> root = parse(probe.get("root"));
        Parsed<List<Hash>> proof = parseList(probe.get("proof"));
        if (leaf.malformed() || root.malformed() || proof.malformed()) {
            assertThat(wantErr).as("a happy probe has only 32-byte hashes").isTrue();
            return Outcome.MALFORMED_HASH;
        }
        long index = probe.get("leafIdx").asLong();
        long size = probe.get("treeSize").asLong();
        Verification result = InclusionProof.verify(leaf.value(), index, size, proof.value(), root.value());
        assertThat(result.isValid()).as("%s: %s", probe.get("desc").asText(), result.reason()).isEqualTo(!wantErr);
        if (!wantErr && size <= 8 && size > 0 && root.value().equals(REFERENCE_TREE.rootHash(size))) {
            assertThat(REFERENCE_TREE.inclusionProof(index, size)).as("our proof").isEqualTo(proof.value());
        }
        return result.isValid() ? Outcome.VERIFIED : Outcome.REJECTED_BY_VERIFIER;
    }

    private static Outcome checkConsistency(Path file) {
        JsonNode probe = read(file);
        boolean wantErr = probe.get("wantErr").asBoolean();
        Parsed<Hash> root1 = parse(probe.get("root1"));
        Parsed<Hash> root2 = parse(probe.get("root2"));
        Parsed<List<Hash>> proof = parseList(probe.get("proof"));
        if (root1.malformed() || root2.malformed() || proof.malformed()) {
            boolean known = file.endsWith(Path.of(PLACEHOLDER_HAPPY_PROBE));
            assertThat(wantErr || known).as("a happy probe has only 32-byte hashes").isTrue();
            return Outcome.MALFORMED_HASH;
        }
        long size1 = probe.get("size1").asLong();
        long size2 = probe.get("size2").asLong();
        Verification result = ConsistencyProof.verify(size1, size2, proof.value(), root1.value(), root2.value());
        assertThat(result.isValid()).as("%s: %s", probe.get("desc").asText(), result.reason()).isEqualTo(!wantErr);
        if (!wantErr && size2 <= 8 && size1 > 0 && root2.value().equals(REFERENCE_TREE.rootHash(size2))) {
            assertThat(REFERENCE_TREE.consistencyProof(size1, size2)).as("our proof").isEqualTo(proof.value());
        }
        return result.isValid() ? Outcome.VERIFIED : Outcome.REJECTED_BY_VERIFIER;
    }

    /** A parsed probe field, or a marker that it held a byte string that is not a 32-byte hash. */
    private record Parsed<T>(T value, boolean malformed) {
    }

    private static Parsed<Hash> parse(JsonNode base64) {
        try {
            return new Parsed<>(Hash.fromBase64(base64.asText()), false);
        } catch (IllegalArgumentException notAHash) {
            return new Parsed<>(MerkleHash.EMPTY_TREE, true);
        }
    }

    /** Go encodes a nil slice as null: an empty proof. */
    private static Parsed<List<Hash>> parseList(JsonNode array) {
        List<Hash> hashes = new ArrayList<>();
        if (array == null || array.isNull()) {
            return new Parsed<>(hashes, false);
        }
        for (JsonNode node : array) {
            Parsed<Hash> hash = parse(node);
            if (hash.malformed()) {
                return new Parsed<>(hashes, true);
            }
            hashes.add(hash.value());
        }
        return new Parsed<>(hashes, false);
    }

    private static MerkleTree referenceTree() {
        JsonNode vectors;
        try (var in = GoldenProbesTest.class.getResourceAsStream("/merkle/vectors.json")) {
            vectors = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InMemoryLeafHashes leaves = new InMemoryLeafHashes();
        vectors.get("leafInputs").forEach(i -> leaves.appendEntry(java.util.HexFormat.of().parseHex(i.asText())));
        return new MerkleTree(leaves);
    }

    private static Stream<Path> probes(String kind) {
        try (Stream<Path> walk = Files.walk(dir().resolve(kind))) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dir() {
        URL url = GoldenProbesTest.class.getResource(ROOT);
        assertThat(url).as("test resources at " + ROOT).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Path file) {
        return dir().relativize(file).toString();
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
