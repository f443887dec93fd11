package io.pactum.core.integrity;

import io.pactum.core.integrity.CborReader.Bstr;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Verifies Pactum device messages (see {@code docs/device-messages.md}): a COSE_Mac0 or
 * COSE_Sign1, tagged or not, whose protected header carries the algorithm, the device id as
 * {@code kid} and a monotonic counter under {@value #COUNTER_LABEL}. Replay is not checked here:
 * feed {@link VerifiedMessage#counter()} to the device's {@link ReplayWindow}.
 */
public final class MessageVerifier {
    /** Private-use header label of the message counter (RFC 9052 §3.1 reserves labels below -65536). */
    public static final long COUNTER_LABEL = -65537;
    private static final byte[] NO_AAD = new byte[0];
    private static final Set<Long> UNDERSTOOD_CRITICAL = Set.of(CoseVerifier.LABEL_ALG, CoseVerifier.LABEL_KID, COUNTER_LABEL);

    private MessageVerifier() {}

    /**
     * True if the bytes look like a COSE_Mac0/COSE_Sign1 (tag 17 or 18, or an untagged array of four
     * items starting with a byte string) rather than a plain payload. A SenML CBOR pack is an array
     * of maps, so it is never taken for COSE. Looking like COSE is not being valid COSE.
     */
    public static boolean isCose(byte[] message) {
        Objects.requireNonNull(message, "message");
        if (message.length < 2) {
            return false;
        }
        int first = message[0] & 0xff;
        int second = message[1] & 0xff;
        if (first == 0xd1 || first == 0xd2) {
            return true;
        }
        if (first == 0xd8 && (second == CoseMessage.TAG_MAC0 || second == CoseMessage.TAG_SIGN1)) {
            return true; // the same tags, not minimally encoded
        }
        return first == 0x84 && second >>> 5 == 2;
    }

    /** {@link #verify(byte[], DeviceKeys, byte[])} with empty external AAD. */
    public static VerifiedMessage verify(byte[] message, DeviceKeys keys) {
        return verify(message, keys, NO_AAD);
    }

    /**
     * Verifies a message with the device's keys. The {@code kid} is reported if present but not
     * checked: use {@link #verify(byte[], String, DeviceKeys, byte[])} when the device is known.
     *
     * @throws IntegrityException with the reason, if the message is not a valid device message
     */
    public static VerifiedMessage verify(byte[] message, DeviceKeys keys, byte[] externalAad) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(externalAad, "externalAad");
        CoseMessage cose = CoseMessage.parse(message);
        CoseAlgorithm alg = CoseVerifier.verify(cose, keys, externalAad,
                CoseVerifier.AlgorithmSource.PROTECTED_ONLY, UNDERSTOOD_CRITICAL);
        // Only authenticated values from here on; checked after the MAC/signature so that a
        // failure here means the device itself sent a message that is not in Pactum's format.
        long counter = counter(cose);
        return new VerifiedMessage(alg.method(), counter, cose.payload(), keyId(cose));
    }

    /**
     * Verifies a message from the device {@code deviceId}: additionally, the protected {@code kid}
     * must be present and equal to the device id, so a message cannot be passed off as another
     * device's even where two devices share a key.
     */
    public static VerifiedMessage verify(byte[] message, String deviceId, DeviceKeys keys, byte[] externalAad) {
        Objects.requireNonNull(deviceId, "deviceId");
        VerifiedMessage verified = verify(message, keys, externalAad);
        if (!deviceId.equals(verified.keyId())) {
            throw new IntegrityException(IntegrityFailure.KEY_ID_MISMATCH, verified.keyId() == null
                    ? "the protected header carries no kid"
                    : "the protected kid is not the id of the sending device");
        }
        return verified;
    }

    private static long counter(CoseMessage cose) {
        Object value = cose.protectedHeader().get(COUNTER_LABEL);
        if (value == null) {
            throw new IntegrityException(IntegrityFailure.MISSING_COUNTER, cose.unprotectedHeader().containsKey(COUNTER_LABEL)
                    ? "the counter (label -65537) must be in the protected header"
                    : "the protected header carries no counter (label -65537)");
        }
        if (value instanceof Long counter && counter >= 1) {
            return counter;
        }
        String what = value instanceof Long || value instanceof BigInteger ? "out of range" : "not an integer";
        throw new IntegrityException(IntegrityFailure.INVALID_COUNTER,
                "the counter is " + what + "; it must be from 1 to 2^63-1");
    }

    private static @Nullable String keyId(CoseMessage cose) {
        Object value = cose.protectedHeader().get(CoseVerifier.LABEL_KID);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Bstr kid)) {
            throw IntegrityException.malformed("kid must be a byte string");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(kid.bytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw IntegrityException.malformed("kid must be the device id in UTF-8");
        }
    }
}
