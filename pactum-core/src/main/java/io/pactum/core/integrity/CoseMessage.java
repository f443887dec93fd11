package io.pactum.core.integrity;

import io.pactum.core.integrity.CborReader.Bstr;
import io.pactum.core.integrity.CborReader.Simple;
import io.pactum.core.integrity.CborReader.Tagged;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The four parts of a COSE_Mac0 or COSE_Sign1 message (RFC 9052 §4.2, §6.2), checked for shape
 * only: nothing here is authenticated yet.
 *
 * @param taggedAs       the type named by the CBOR tag, or null for an untagged message
 * @param protectedBytes the protected header exactly as sent (it is MACed/signed in this form)
 */
record CoseMessage(
        @Nullable IntegrityMethod taggedAs,
        byte[] protectedBytes,
        Map<Object, Object> protectedHeader,
        Map<Object, Object> unprotectedHeader,
        byte[] payload,
        byte[] tagOrSignature) {

    static final long TAG_MAC0 = 17;
    static final long TAG_SIGN1 = 18;

    /**
     * The protected header as it enters the MAC_structure/Sig_structure: as sent, except that an
     * empty map (even one sent as {@code h'A0'}) enters as the zero-length string (RFC 9052 §4.4,
     * and the working group's examples sign-pass-01 / mac-pass-01).
     */
    byte[] bodyProtected() {
        return protectedHeader.isEmpty() ? new byte[0] : protectedBytes;
    }

    static CoseMessage parse(byte[] message) {
        Object item = CborReader.decode(message);
        IntegrityMethod taggedAs = null;
        if (item instanceof Tagged tagged) {
            if (tagged.tag() == TAG_MAC0) {
                taggedAs = IntegrityMethod.COSE_MAC0;
            } else if (tagged.tag() == TAG_SIGN1) {
                taggedAs = IntegrityMethod.COSE_SIGN1;
            } else {
                throw IntegrityException.malformed("CBOR tag " + Long.toUnsignedString(tagged.tag())
                        + " is not COSE_Mac0 (17) or COSE_Sign1 (18)");
            }
            item = tagged.value();
        }
        if (!(item instanceof List<?> parts) || parts.size() != 4) {
            throw IntegrityException.malformed("a COSE_Mac0/COSE_Sign1 message is an array of four items");
        }
        if (!(parts.get(0) instanceof Bstr protectedBstr)) {
            throw IntegrityException.malformed("the protected header must be a byte string");
        }
        Map<Object, Object> protectedHeader = protectedHeader(protectedBstr.bytes());
        if (!(parts.get(1) instanceof Map<?, ?> unprotected)) {
            throw IntegrityException.malformed("the unprotected header must be a map");
        }
        Map<Object, Object> unprotectedHeader = labels(unprotected, "unprotected");
        for (Object label : unprotectedHeader.keySet()) {
            if (protectedHeader.containsKey(label)) {
                // RFC 9052 §3: a label must not occur in both buckets
                throw IntegrityException.malformed("header label " + label + " is both protected and unprotected");
            }
        }
        Object payload = parts.get(2);
        if (payload == Simple.NULL) {
            throw new IntegrityException(IntegrityFailure.DETACHED_PAYLOAD,
                    "the payload is detached (nil); Pactum requires it inside the message");
        }
        if (!(payload instanceof Bstr payloadBstr)) {
            throw IntegrityException.malformed("the payload must be a byte string");
        }
        if (!(parts.get(3) instanceof Bstr tag)) {
            throw IntegrityException.malformed("the tag or signature must be a byte string");
        }
        return new CoseMessage(taggedAs, protectedBstr.bytes(), protectedHeader, unprotectedHeader,
                payloadBstr.bytes(), tag.bytes());
    }

    /** A zero-length protected header stands for the empty map (RFC 9052 §3). */
    private static Map<Object, Object> protectedHeader(byte[] encoded) {
        if (encoded.length == 0) {
            return Map.of();
        }
        if (!(CborReader.decode(encoded) instanceof Map<?, ?> map)) {
            throw IntegrityException.malformed("the protected header must encode a map");
        }
        return labels(map, "protected");
    }

    /** Header labels are integers or text strings (RFC 9052 §3). */
    @SuppressWarnings("unchecked")
    private static Map<Object, Object> labels(Map<?, ?> header, String bucket) {
        for (Object label : header.keySet()) {
            if (!(label instanceof Long) && !(label instanceof String)) {
                throw IntegrityException.malformed("a " + bucket + " header label must be an integer or text");
            }
        }
        return (Map<Object, Object>) header;
    }
}
