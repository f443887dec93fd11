package io.pactum.core.ledger.proof;

import static io.pactum.core.ledger.proof.ProofTestLedger.ORIGIN;
import static io.pactum.core.ledger.proof.ProofTestLedger.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactum.core.error.InvalidInputException;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProofJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ProofTestLedger log;
    private static InclusionProofDocument inclusion;
    private static ConsistencyProofDocument consistency;

    @BeforeAll
    static void fill() {
        log = ProofTestLedger.withEntries(300);
        log.checkpoint(300, START);
        log.checkpoint(77, START);
        inclusion = LedgerProofs.inclusion(log.ledger, ORIGIN, 41, 300);
        consistency = LedgerProofs.consistency(log.ledger, ORIGIN, 77, 300);
    }

    @AfterAll
    static void close() {
        log.ledger.close();
    }

    @Test
    void documents_roundTripThroughJson_byteIdentically() {
        List<ProofDocument> docs = List.of(inclusion, consistency,
                LedgerProofs.inclusion(log.ledger, ORIGIN, 0, 1),
                LedgerProofs.inclusion(log.ledger, ORIGIN, 298, 299),
                LedgerProofs.consistency(log.ledger, ORIGIN, 77, 77),
                LedgerProofs.consistency(log.ledger, ORIGIN, 5, 299));
        for (ProofDocument doc : docs) {
            String json = ProofJson.write(doc);
            ProofDocument parsed = ProofJson.parse(json);

            assertThat(parsed).isEqualTo(doc);
            assertThat(ProofJson.write(parsed)).isEqualTo(json);
        }
        assertThat(inclusion.checkpoint()).isNotNull();
        assertThat(consistency.fromCheckpoint()).isNotNull();
    }

    @Test
    void theWrittenForm_isPrettyPrinted_inTheDocumentedFieldOrder() {
        String json = ProofJson.write(inclusion);

        assertThat(json).startsWith("{\n  \"type\": \"inclusion\",\n  \"version\": 1,\n  \"origin\": \"pactum.test/ledger\",\n"
                + "  \"treeSize\": 300,\n  \"leafIndex\": 41,\n  \"entry\": \"")
                .contains("\"auditPath\": [\n    \"")
                .endsWith("}\n")
                .doesNotContain("\r");
        assertThat(json.indexOf("\"leafHash\"")).isLessThan(json.indexOf("\"auditPath\""));
        assertThat(json.indexOf("\"rootHash\"")).isLessThan(json.indexOf("\"checkpoint\""));
        assertThat(ProofJson.write(LedgerProofs.inclusion(log.ledger, ORIGIN, 0, 2))).contains("\"checkpoint\": null\n");
        assertThat(ProofJson.write(consistency)).startsWith("{\n  \"type\": \"consistency\",\n  \"version\": 1,\n");
        assertThat(ProofJson.write(LedgerProofs.consistency(log.ledger, ORIGIN, 77, 77))).contains("\"path\": [],\n");
    }

    static Stream<Arguments> malformedInclusion() {
        return Stream.of(
                bad("type", j -> j.remove("type")),
                bad("type", j -> j.put("type", "exclusion")),
                bad("type", j -> j.put("type", 1)),
                bad("version", j -> j.remove("version")),
                bad("version", j -> j.put("version", 2)),
                bad("version", j -> j.put("version", "1")),
                bad("version", j -> j.put("version", 1.0)),
                bad("origin", j -> j.remove("origin")),
                bad("origin", j -> j.put("origin", "")),
                bad("origin", j -> j.putNull("origin")),
                bad("treeSize", j -> j.remove("treeSize")),
                bad("treeSize", j -> j.put("treeSize", "300")),
                bad("treeSize", j -> j.put("treeSize", -1)),
                bad("treeSize", j -> j.put("treeSize", 0)),
                bad("treeSize", j -> j.put("treeSize", 300.5)),
                bad("treeSize", j -> j.put("treeSize", BigInteger.TWO.pow(64))),
                bad("leafIndex", j -> j.remove("leafIndex")),
                bad("leafIndex", j -> j.put("leafIndex", -1)),
                bad("leafIndex", j -> j.put("leafIndex", 300)),
                bad("entry", j -> j.remove("entry")),
                bad("entry", j -> j.put("entry", "not base64!")),
                bad("entry", j -> j.put("entry", "AAE")), // unpadded
                bad("entry", j -> j.put("entry", 5)),
                bad("leafHash", j -> j.remove("leafHash")),
                bad("leafHash", j -> j.put("leafHash", Base64.getEncoder().encodeToString(new byte[31]))),
                bad("leafHash", j -> j.put("leafHash", Base64.getEncoder().encodeToString(new byte[33]))),
                bad("rootHash", j -> j.remove("rootHash")),
                bad("rootHash", j -> j.put("rootHash", Base64.getUrlEncoder().encodeToString(urlOnlyHash()))),
                bad("auditPath", j -> j.remove("auditPath")),
                bad("auditPath", j -> j.put("auditPath", "AAAA")),
                bad("auditPath", j -> j.putNull("auditPath")),
                bad("auditPath[0]", j -> ((ArrayNode) j.get("auditPath")).set(0, 1)),
                bad("auditPath[2]", j -> ((ArrayNode) j.get("auditPath")).set(2, "AAAA")),
                bad("auditPath", j -> {
                    ArrayNode path = j.putArray("auditPath");
                    for (int i = 0; i < 65; i++) {
                        path.add(Base64.getEncoder().encodeToString(new byte[32]));
                    }
                }),
                bad("checkpoint", j -> j.remove("checkpoint")),
                bad("checkpoint", j -> j.put("checkpoint", 5)),
                bad("extra", j -> j.put("extra", true)),
                bad("fromSize", j -> j.put("fromSize", 1)));
    }

    static Stream<Arguments> malformedConsistency() {
        return Stream.of(
                bad("fromSize", j -> j.remove("fromSize")),
                bad("fromSize", j -> j.put("fromSize", 0)),
                bad("fromSize", j -> j.put("fromSize", -77)),
                bad("toSize", j -> j.remove("toSize")),
                bad("toSize", j -> j.put("toSize", 76)),
                bad("fromRootHash", j -> j.remove("fromRootHash")),
                bad("fromRootHash", j -> j.put("fromRootHash", "")),
                bad("toRootHash", j -> j.put("toRootHash", List.of().toString())),
                bad("path", j -> j.remove("path")),
                bad("path", j -> j.putObject("path")),
                bad("path[1]", j -> ((ArrayNode) j.get("path")).set(1, "====")),
                bad("fromCheckpoint", j -> j.remove("fromCheckpoint")),
                bad("toCheckpoint", j -> j.put("toCheckpoint", true)),
                bad("leafIndex", j -> j.put("leafIndex", 1)));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("malformedInclusion")
    void malformedInclusionDocuments_areInvalidInput_namingTheField(String field, Consumer<ObjectNode> change, String what)
            throws Exception {
        assertInvalid(mutate(ProofJson.write(inclusion), change), field);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("malformedConsistency")
    void malformedConsistencyDocuments_areInvalidInput_namingTheField(String field, Consumer<ObjectNode> change,
            String what) throws Exception {
        assertInvalid(mutate(ProofJson.write(consistency), change), field);
    }

    @Test
    void malformedJsonText_isInvalidInput() {
        String valid = ProofJson.write(inclusion);
        assertInvalid("", "document");
        assertInvalid("not json", "document");
        assertInvalid("[]", "document");
        assertInvalid("\"inclusion\"", "document");
        assertInvalid(valid.substring(0, valid.length() / 2), "document");
        assertInvalid(valid + "{}", "document");
        assertInvalid(valid.replace("{\n  \"type\"", "{\n  \"origin\": \"x\",\n  \"type\""), "origin");
    }

    private static Arguments bad(String field, Consumer<ObjectNode> change) {
        return Arguments.of(field, change, field + " changed");
    }

    private static String mutate(String json, Consumer<ObjectNode> change) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(json);
        change.accept(tree);
        return JSON.writeValueAsString(tree);
    }

    private static void assertInvalid(String json, String field) {
        assertThatThrownBy(() -> ProofJson.parse(json)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).as(e.getMessage()).contains(field));
    }

    /** A hash whose URL-safe base64 has '-' or '_', so it is not standard base64. */
    private static byte[] urlOnlyHash() {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) 0xfb;
        bytes[1] = (byte) 0xff;
        return bytes;
    }
}
