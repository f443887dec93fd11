package io.pactum.core.integrity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 9052 verification of a parsed COSE_Mac0/COSE_Sign1 against a device's keys. The algorithm
 * is read from the message but must fit a key the device has; the key, not the message, decides.
 */
final class CoseVerifier {
    static final long LABEL_ALG = 1;
    static final long LABEL_CRIT = 2;
    static final long LABEL_KID = 4;
    static final int ES256_SIGNATURE_BYTES = 64;
    static final int ED25519_SIGNATURE_BYTES = 64;

    /** Where the algorithm may come from. */
    enum AlgorithmSource {
        /** Pactum's device messages: the algorithm must be authenticated. */
        PROTECTED_ONLY,
        /** RFC 9052 in general (the working group's examples): the unprotected bucket is allowed too. */
        EITHER_BUCKET
    }

    private CoseVerifier() {}

    /** Verifies the tag or signature and returns the algorithm used; throws if anything is wrong. */
    static CoseAlgorithm verify(CoseMessage message, DeviceKeys keys, byte[] externalAad,
                                AlgorithmSource source, Set<Long> understoodCritical) {
        Objects.requireNonNull(externalAad, "externalAad");
        checkCritical(message.protectedHeader(), understoodCritical);
        CoseAlgorithm alg = algorithm(message, source);
        IntegrityMethod method = alg.method();
        if (message.taggedAs() != null && message.taggedAs() != method) {
            throw new IntegrityException(IntegrityFailure.UNSUPPORTED_ALGORITHM,
                    alg + " does not belong to a " + message.taggedAs() + " message");
        }
        if (!keys.fits(alg)) {
            throw new IntegrityException(IntegrityFailure.NO_KEY_FOR_ALGORITHM,
                    "the device has no key for " + alg + "; its keys allow only what they are registered for");
        }
        byte[] toBeAuthenticated = CoseStructures.toBeAuthenticated(
                method, message.bodyProtected(), externalAad, message.payload());
        if (alg == CoseAlgorithm.HMAC_256_256) {
            verifyMac(Objects.requireNonNull(keys.macKeyUnsafe()), toBeAuthenticated, message.tagOrSignature());
        } else {
            verifySignature(alg, Objects.requireNonNull(keys.publicKey()), toBeAuthenticated, message.tagOrSignature());
        }
        return alg;
    }

    private static CoseAlgorithm algorithm(CoseMessage message, AlgorithmSource source) {
        Object value = message.protectedHeader().get(LABEL_ALG);
        if (value == null) {
            Object unprotected = message.unprotectedHeader().get(LABEL_ALG);
            if (unprotected != null && source == AlgorithmSource.PROTECTED_ONLY) {
                throw new IntegrityException(IntegrityFailure.UNPROTECTED_ALGORITHM,
                        "alg must be in the protected header, where it is covered by the tag or signature");
            }
            value = unprotected;
        }
        if (value == null) {
            throw IntegrityException.malformed("the message names no algorithm (alg, label 1)");
        }
        if (!(value instanceof Long id)) {
            throw new IntegrityException(IntegrityFailure.UNSUPPORTED_ALGORITHM,
                    "alg must be one of the integer algorithms 5, -7, -8");
        }
        CoseAlgorithm alg = CoseAlgorithm.byId(id);
        if (alg == null) {
            throw new IntegrityException(IntegrityFailure.UNSUPPORTED_ALGORITHM,
                    "algorithm " + id + " is not accepted; Pactum accepts HMAC 256/256 (5), ES256 (-7) and EdDSA (-8)");
        }
        return alg;
    }

    /** RFC 9052 §3.1: every label listed in crit must be understood, or the message is rejected. */
    private static void checkCritical(Map<Object, Object> protectedHeader, Set<Long> understood) {
        Object crit = protectedHeader.get(LABEL_CRIT);
        if (crit == null) {
            return;
        }
        if (!(crit instanceof List<?> labels) || labels.isEmpty()) {
            throw IntegrityException.malformed("crit must be a non-empty array of labels");
        }
        for (Object label : labels) {
            if (!(label instanceof Long id) || !understood.contains(id)) {
                throw IntegrityException.malformed("critical header parameter " + label + " is not understood");
            }
        }
    }

    private static void verifyMac(byte[] key, byte[] toBeMaced, byte[] tag) {
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            expected = mac.doFinal(toBeMaced);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
        // constant time for equal lengths; the length of a tag is no secret
        if (!MessageDigest.isEqual(expected, tag)) {
            throw new IntegrityException(IntegrityFailure.BAD_TAG, "the MAC tag does not match the message");
        }
    }

    private static void verifySignature(CoseAlgorithm alg, PublicKey key, byte[] toBeSigned, byte[] signature) {
        // COSE carries ES256 signatures as r||s (RFC 9053 §2.1); the JDK's P1363 variant reads exactly that.
        String jdkName = alg == CoseAlgorithm.ES256 ? "SHA256withECDSAinP1363Format" : "Ed25519";
        int length = alg == CoseAlgorithm.ES256 ? ES256_SIGNATURE_BYTES : ED25519_SIGNATURE_BYTES;
        boolean valid;
        if (signature.length != length) {
            valid = false;
        } else {
            try {
                Signature verifier = Signature.getInstance(jdkName);
                verifier.initVerify(key);
                verifier.update(toBeSigned);
                valid = verifier.verify(signature);
            } catch (GeneralSecurityException e) {
                valid = false; // e.g. r or s out of range: as bad as a wrong signature
            }
        }
        if (!valid) {
            throw new IntegrityException(IntegrityFailure.BAD_SIGNATURE, "the " + alg + " signature does not verify");
        }
    }
}
