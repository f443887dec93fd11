package io.pactum.core.integrity;

import org.jspecify.annotations.Nullable;

/** The COSE algorithms Pactum accepts (IANA COSE Algorithms registry), and nothing weaker. */
enum CoseAlgorithm {
    HMAC_256_256(5, "HMAC 256/256", IntegrityMethod.COSE_MAC0),
    ES256(-7, "ES256", IntegrityMethod.COSE_SIGN1),
    EDDSA(-8, "EdDSA", IntegrityMethod.COSE_SIGN1);

    private final long id;
    private final String displayName;
    private final IntegrityMethod method;

    CoseAlgorithm(long id, String displayName, IntegrityMethod method) {
        this.id = id;
        this.displayName = displayName;
        this.method = method;
    }

    long id() {
        return id;
    }

    /** The message type this algorithm belongs to: a MAC algorithm never verifies a Sign1, and vice versa. */
    IntegrityMethod method() {
        return method;
    }

    static @Nullable CoseAlgorithm byId(long id) {
        for (CoseAlgorithm alg : values()) {
            if (alg.id == id) {
                return alg;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return displayName + " (" + id + ")";
    }
}
