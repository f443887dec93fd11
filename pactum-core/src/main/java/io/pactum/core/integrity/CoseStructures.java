package io.pactum.core.integrity;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The byte strings that are MACed and signed (RFC 9052 §4.4 Sig_structure, §6.3 MAC_structure),
 * in deterministic encoding: definite lengths, shortest heads. Jackson's generator writes exactly
 * that when it is told the array size.
 */
final class CoseStructures {
    static final String MAC0 = "MAC0";
    static final String SIGNATURE1 = "Signature1";
    private static final CBORFactory CBOR = new CBORFactory();

    private CoseStructures() {}

    static byte[] toBeAuthenticated(IntegrityMethod method, byte[] bodyProtected, byte[] externalAad, byte[] payload) {
        String context = method == IntegrityMethod.COSE_MAC0 ? MAC0 : SIGNATURE1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + bodyProtected.length + externalAad.length + payload.length);
        try (CBORGenerator generator = CBOR.createGenerator(out)) {
            generator.writeStartArray(null, 4);
            generator.writeString(context);
            generator.writeBinary(bodyProtected);
            generator.writeBinary(externalAad);
            generator.writeBinary(payload);
            generator.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
