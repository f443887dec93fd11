package io.pactum.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.prf.HmacPrfKey;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.util.SecretBytes;
import io.pactum.core.security.TinkSecretBox;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {
    private final Pseudonymiser pseudonymiser = PrivacyFixtures.PSEUDONYMISER;

    @Test
    void pseudonym_isStableForOneRecipient_andDiffersAcrossRecipients() {
        String a1 = pseudonymiser.pseudonym("org-clinic", "subject-42");
        String a2 = pseudonymiser.pseudonym("org-clinic", "subject-42");
        String b = pseudonymiser.pseudonym("org-insurer", "subject-42");

        assertThat(a1).isEqualTo(a2);
        assertThat(b).isNotEqualTo(a1);
        assertThat(pseudonymiser.pseudonym("org-clinic", "subject-43")).isNotEqualTo(a1);
    }

    @Test
    void pseudonym_isStableAcrossInstancesOfTheSameKeyset_andDiffersUnderAnotherKeyset() {
        Pseudonymiser reloaded = Pseudonymiser.fromKeysetJson(PrivacyFixtures.KEYSET);
        Pseudonymiser other = Pseudonymiser.fromKeysetJson(Pseudonymiser.generateKeysetJson());

        assertThat(reloaded.pseudonym("org-clinic", "subject-42"))
                .isEqualTo(pseudonymiser.pseudonym("org-clinic", "subject-42"));
        assertThat(other.pseudonym("org-clinic", "subject-42"))
                .isNotEqualTo(pseudonymiser.pseudonym("org-clinic", "subject-42"));
    }

    @Test
    void pseudonym_is22Base64urlCharacters_128Bits() {
        String p = pseudonymiser.pseudonym("org-clinic", "subject-42");

        assertThat(p).hasSize(22).matches("[A-Za-z0-9_-]{22}");
        assertThat(Base64.getUrlDecoder().decode(p)).hasSize(16);
    }

    @Test
    void pseudonym_followsTheDocumentedDerivation() throws Exception {
        byte[] master = new byte[32];
        for (int i = 0; i < master.length; i++) {
            master[i] = (byte) (i * 7 + 1);
        }
        HmacPrfKey key = HmacPrfKey.builder()
                .setParameters(PredefinedPrfParameters.HMAC_SHA256_PRF)
                .setKeyBytes(SecretBytes.copyFrom(master, InsecureSecretKeyAccess.get()))
                .build();
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary()).build(),
                InsecureSecretKeyAccess.get());

        byte[] recipientKey = hmac(master, "pactum/pseudonym-key/v1/org-clinic");
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(hmac(recipientKey, "Zoë 🩸 subject"), 16));

        assertThat(Pseudonymiser.fromKeysetJson(json).pseudonym("org-clinic", "Zoë 🩸 subject")).isEqualTo(expected);
    }

    @Test
    void pseudonym_ofUnicode_isOverUtf8WithoutNormalisation() {
        String composed = "Jos\u00e9";
        String decomposed = "Jose\u0301";

        assertThat(pseudonymiser.pseudonym("org-clinic", composed))
                .isNotEqualTo(pseudonymiser.pseudonym("org-clinic", decomposed))
                .isEqualTo(pseudonymiser.pseudonym("org-clinic", new String(composed.getBytes(StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8)));
    }

    @Test
    void pseudonym_ofEmptyString_isDefined_andNotEmpty() {
        assertThat(pseudonymiser.pseudonym("org-clinic", "")).hasSize(22);
    }

    @Test
    void pseudonym_ofUnpairedSurrogate_isRefused_ratherThanCollidingWithAQuestionMark() {
        assertThatThrownBy(() -> pseudonymiser.pseudonym("org-clinic", "a\uD800b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pseudonymiser.pseudonym("org-clinic", "\uDC00"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(pseudonymiser.pseudonym("org-clinic", "\uD83E\uDE78")).hasSize(22); // a valid pair
    }

    @Test
    void forRecipient_refusesAnEmptyRecipientId() {
        assertThatThrownBy(() -> pseudonymiser.forRecipient("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recipientKeys_areCachedInABoundedMap_andStayStableAfterEviction() {
        Pseudonymiser small = Pseudonymiser.fromKeysetJson(PrivacyFixtures.KEYSET, 2);
        String first = small.pseudonym("org-1", "subject");
        for (int i = 2; i <= 10; i++) {
            small.pseudonym("org-" + i, "subject");
            assertThat(small.cachedRecipients()).isLessThanOrEqualTo(2);
        }
        assertThat(small.pseudonym("org-1", "subject")).isEqualTo(first);
        assertThat(small.forRecipient("org-1")).isSameAs(small.forRecipient("org-1"));
    }

    @Test
    void fromKeysetJson_acceptsAnHkdfPrfKeyset() throws Exception {
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedPrfParameters.HKDF_SHA256), InsecureSecretKeyAccess.get());
        Pseudonymiser hkdf = Pseudonymiser.fromKeysetJson(json);

        assertThat(hkdf.pseudonym("org-clinic", "subject-42")).hasSize(22)
                .isEqualTo(hkdf.pseudonym("org-clinic", "subject-42"));
    }

    @Test
    void fromKeysetJson_refusesWhatIsNotAUsablePrfKeyset() throws Exception {
        String cmac = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedPrfParameters.AES_CMAC_PRF), InsecureSecretKeyAccess.get());

        assertThatThrownBy(() -> Pseudonymiser.fromKeysetJson("{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pseudonymiser.fromKeysetJson(TinkSecretBox.generateKeysetJson()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pseudonymiser.fromKeysetJson(cmac))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32-byte");
        assertThatThrownBy(() -> Pseudonymiser.fromKeysetJson(PrivacyFixtures.KEYSET, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }
}
