package io.pactum.core.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashTest {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void emptyTreeIsTheSha256OfNothing() {
        assertThat(MerkleHash.EMPTY_TREE.hex()).isEqualTo(EMPTY_SHA256);
        assertThat(MerkleHash.EMPTY_TREE.base64()).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    }

    @Test
    void hexAndBase64RoundTripAndDefineEquality() {
        Hash hash = MerkleHash.leaf("x".getBytes(StandardCharsets.UTF_8));
        assertThat(Hash.fromHex(hash.hex())).isEqualTo(hash).hasSameHashCodeAs(hash);
        assertThat(Hash.fromBase64(hash.base64())).isEqualTo(hash);
        assertThat(Hash.of(hash.bytes())).isEqualTo(hash);
        assertThat(hash.toString()).isEqualTo(hash.hex());
        assertThat(hash.withBitFlipped(0)).isNotEqualTo(hash);
        assertThat(hash.withBitFlipped(255).withBitFlipped(255)).isEqualTo(hash);
    }

    @Test
    void isImmutable() {
        byte[] raw = Hash.fromHex(EMPTY_SHA256).bytes();
        Hash hash = Hash.of(raw);
        raw[0] ^= 1;
        hash.bytes()[1] ^= 1;
        assertThat(hash.hex()).isEqualTo(EMPTY_SHA256);
    }

    @Test
    void rejectsAnythingButThirtyTwoBytes() {
        assertThatThrownBy(() -> Hash.of(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes, got 31");
        assertThatThrownBy(() -> Hash.fromBase64("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hash.fromHex(EMPTY_SHA256 + "00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leafAndNodeUseTheirDomainPrefixes() {
        Hash a = MerkleHash.leaf(new byte[0]);
        // A 64-byte leaf holding two hashes must not collide with their parent node.
        byte[] two = new byte[64];
        System.arraycopy(a.bytes(), 0, two, 0, 32);
        System.arraycopy(a.bytes(), 0, two, 32, 32);
        assertThat(MerkleHash.leaf(two)).isNotEqualTo(MerkleHash.node(a, a));
    }
}
