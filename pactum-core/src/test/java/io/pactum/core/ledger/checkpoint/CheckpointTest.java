package io.pactum.core.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.InvalidInputException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckpointTest {
    private static final byte[] ROOT = new byte[32];
    private static final String ZERO_ROOT_B64 = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    static {
        for (int i = 0; i < ROOT.length; i++) {
            ROOT[i] = (byte) i;
        }
    }

    @Test
    void body_isOriginSizeBase64RootAndExtensions_eachEndingInNewline() {
        Checkpoint checkpoint = new Checkpoint("pactum.example/ledger", 1234, ROOT, List.of("ext one", "ext two"));

        assertThat(checkpoint.body()).isEqualTo("pactum.example/ledger\n1234\n"
                + Base64.getEncoder().encodeToString(ROOT) + "\next one\next two\n");
    }

    @Test
    void body_parsesBackToAnEqualCheckpoint() {
        Checkpoint withExtensions = new Checkpoint("pactum.example/ledger", Long.MAX_VALUE, ROOT, List.of("a", "b c"));
        Checkpoint empty = new Checkpoint("pactum.example/ledger", 0, new byte[32]);

        assertThat(Checkpoint.parse(withExtensions.body())).isEqualTo(withExtensions);
        assertThat(Checkpoint.parse(empty.body())).isEqualTo(empty);
        assertThat(Checkpoint.parse(empty.body()).body()).isEqualTo("pactum.example/ledger\n0\n" + ZERO_ROOT_B64 + "\n");
    }

    @Test
    void rootHash_isCopiedInAndOut() {
        byte[] root = ROOT.clone();
        Checkpoint checkpoint = new Checkpoint("o", 1, root);
        root[0] = 99;
        checkpoint.rootHash()[1] = 99;

        assertThat(checkpoint.rootHash()).isEqualTo(ROOT);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "'\\n1\\n" + ZERO_ROOT_B64 + "\\n'                        | origin is empty | empty origin",
        "'o\\n01\\n" + ZERO_ROOT_B64 + "\\n'                      | without sign or leading zeros | leading zero",
        "'o\\n+1\\n" + ZERO_ROOT_B64 + "\\n'                      | without sign or leading zeros | plus sign",
        "'o\\n-1\\n" + ZERO_ROOT_B64 + "\\n'                      | without sign or leading zeros | minus sign",
        "'o\\n 1\\n" + ZERO_ROOT_B64 + "\\n'                      | without sign or leading zeros | space",
        "'o\\n1e3\\n" + ZERO_ROOT_B64 + "\\n'                     | without sign or leading zeros | exponent",
        "'o\\n\u0661\\n" + ZERO_ROOT_B64 + "\\n'                  | without sign or leading zeros | non-ASCII digit",
        "'o\\n9223372036854775808\\n" + ZERO_ROOT_B64 + "\\n'     | larger than | above 2^63-1",
        "'o\\n1\\nAAAA\\n'                                   | 3 bytes, not 32 | short hash",
        "'o\\n1\\n" + ZERO_ROOT_B64 + "AAAA\\n'                   | base64 | long hash",
        "'o\\n1\\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\\n' | canonical base64 | missing padding",
        "'o\\n1\\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB=\\n' | canonical base64 | non-zero trailing bits",
        "'o\\n1\\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA-_\\n' | standard base64 | url alphabet",
        "'o\\n1\\n" + ZERO_ROOT_B64 + "'                          | end with a newline | missing final newline",
        "'o\\n1\\n'                                          | at least three lines | two lines",
        "'o\\n1\\n" + ZERO_ROOT_B64 + "\\n\\n'                    | line 4 is empty | empty extension line",
        "'o\\n1\\n" + ZERO_ROOT_B64 + "\\nx\\ty\\n'               | control character | tab in extension",
    })
    void parse_rejectsMalformedBodies_withMessage(String escaped, String message, String what) {
        String body = escaped.replace("\\n", "\n").replace("\\t", "\t");

        assertThatThrownBy(() -> Checkpoint.parse(body))
                .as(what)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }

    @Test
    void constructor_rejectsWhatCouldNotBeWrittenAsABody() {
        assertThatThrownBy(() -> new Checkpoint("", 1, ROOT)).hasMessageContaining("origin is empty");
        assertThatThrownBy(() -> new Checkpoint("a\nb", 1, ROOT)).hasMessageContaining("single line");
        assertThatThrownBy(() -> new Checkpoint("o", -1, ROOT)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new Checkpoint("o", 1, new byte[31])).hasMessageContaining("31 bytes, not 32");
        assertThatThrownBy(() -> new Checkpoint("o", 1, ROOT, List.of(""))).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> new Checkpoint("o", 1, ROOT, List.of("a\nb"))).hasMessageContaining("single line");
    }
}
