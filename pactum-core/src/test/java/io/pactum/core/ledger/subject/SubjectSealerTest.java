package io.pactum.core.ledger.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.audit.AuditEvent;
import io.pactum.core.audit.AuditEventType;
import io.pactum.core.security.TinkSecretBox;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sealing a subject's personal details under the subject's own key, opening them, and shredding the key. */
class SubjectSealerTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final String MASTER = TinkSecretBox.generateKeysetJson();

    private final InMemorySubjectKeyStore keys = new InMemorySubjectKeyStore();
    private final SubjectSealer sealer = new SubjectSealer(keys, TinkSecretBox.fromKeysetJson(MASTER));

    private static AuditEvent release(String subjectId, String pseudonym) {
        return new AuditEvent(AuditEventType.DATA_RELEASED, AT, AuditEvent.HUB, Map.of(
                "subjectId", subjectId, "subjectPseudonym", pseudonym, "recipientId", "org-clinic"));
    }

    @Test
    void seal_replacesIdAndPseudonym_andOpenGivesThemBack() {
        AuditEvent sealed = sealer.seal(release("subject-1", "N0aQ"));

        assertThat(sealed.details()).containsOnlyKeys("subjectId", "subjectPseudonym", "recipientId");
        assertThat(sealed.details()).containsEntry("recipientId", "org-clinic");
        assertThat(sealed.details().get("subjectId")).startsWith("sealed:v1:").doesNotContain("subject-1");
        assertThat(sealed.details().get("subjectPseudonym")).startsWith("sealed:v1:").doesNotContain("N0aQ");
        assertThat(sealer.open("subjectId", sealed.details().get("subjectId"))).contains("subject-1");
        assertThat(sealer.open("subjectPseudonym", sealed.details().get("subjectPseudonym"))).contains("N0aQ");
        assertThat(sealed.type()).isEqualTo(AuditEventType.DATA_RELEASED);
        assertThat(sealed.at()).isEqualTo(AT);
    }

    @Test
    void eventWithoutSubjectId_isReturnedUnchanged() {
        AuditEvent pseudonymOnly = new AuditEvent(AuditEventType.DATA_RELEASED, AT, "client-1",
                Map.of("subjectPseudonym", "N0aQ"));
        AuditEvent emptyId = new AuditEvent(AuditEventType.SECURITY_SIGNAL, AT, AuditEvent.HUB, Map.of("subjectId", ""));

        assertThat(sealer.seal(pseudonymOnly)).isSameAs(pseudonymOnly);
        assertThat(sealer.seal(emptyId)).isSameAs(emptyId);
        assertThat(keys.size()).isZero();
    }

    @Test
    void alreadySealedEvent_isNotSealedAgain() {
        AuditEvent sealed = sealer.seal(release("subject-1", "N0aQ"));

        assertThat(sealer.seal(sealed)).isSameAs(sealed);
        assertThat(keys.size()).isEqualTo(1);
    }

    @Test
    void eventsOfOneSubject_shareOneKeyId_otherSubjectsHaveTheirOwn() {
        String first = keyIdIn(sealer.seal(release("subject-1", "a")));
        String second = keyIdIn(sealer.seal(release("subject-1", "b")));
        String other = keyIdIn(sealer.seal(release("subject-2", "a")));

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(sealer.keyIdOf("subject-1")).contains(first);
        assertThat(sealer.keyIdOf("subject-2")).contains(other);
        assertThat(sealer.keyIdOf("subject-3")).isEmpty();
        assertThat(Base64.getUrlDecoder().decode(first)).hasSize(16);
    }

    @Test
    void equalValues_sealToDifferentTexts() {
        AuditEvent event = release("subject-1", "N0aQ");

        assertThat(sealer.seal(event).details().get("subjectId"))
                .isNotEqualTo(sealer.seal(event).details().get("subjectId"));
    }

    @Test
    void sealedValueMovedToAnotherDetail_failsAuthentication() {
        String sealedId = sealer.seal(release("subject-1", "N0aQ")).details().get("subjectId");

        assertThatThrownBy(() -> sealer.open("subjectPseudonym", sealedId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void tamperedCiphertext_failsAuthentication() {
        SealedValue sealed = SealedValue.parse(sealer.seal(release("subject-1", "N0aQ")).details().get("subjectId"));
        byte[] ciphertext = sealed.ciphertext();
        ciphertext[ciphertext.length / 2] ^= 1;
        String tampered = new SealedValue(sealed.keyId(), ciphertext).text();

        assertThatThrownBy(() -> sealer.open("subjectId", tampered))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void valueNotOfTheSealedForm_isRefused() {
        assertThatThrownBy(() -> sealer.open("subjectId", "subject-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a sealed value");
        assertThatThrownBy(() -> sealer.open("subjectId", "sealed:v1:onlyAKeyId"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a sealed value");
        assertThatThrownBy(() -> sealer.open("subjectId", "sealed:v1:key:not*base64"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a sealed value");
    }

    @Test
    void afterErase_valuesNoLongerOpen_andSealingAgainMakesANewKey() {
        AuditEvent before = sealer.seal(release("subject-1", "N0aQ"));
        String oldKeyId = keyIdIn(before);

        assertThat(sealer.erase("subject-1")).isTrue();

        assertThat(sealer.open("subjectId", before.details().get("subjectId"))).isEmpty();
        assertThat(sealer.open("subjectPseudonym", before.details().get("subjectPseudonym"))).isEmpty();
        assertThat(sealer.keyIdOf("subject-1")).isEmpty();
        AuditEvent after = sealer.seal(release("subject-1", "N0aQ"));
        assertThat(keyIdIn(after)).isNotEqualTo(oldKeyId);
        assertThat(sealer.open("subjectId", after.details().get("subjectId"))).contains("subject-1");
        assertThat(sealer.open("subjectId", before.details().get("subjectId"))).isEmpty();
        assertThat(sealer.erase("subject-2")).isFalse();
    }

    @Test
    void keysAreKeptWrappedInTheStore_soAnotherSealerOpensWithTheSameMasterKeyOnly() {
        String sealedId = sealer.seal(release("subject-1", "N0aQ")).details().get("subjectId");
        SubjectSealer sameMaster = new SubjectSealer(keys, TinkSecretBox.fromKeysetJson(MASTER));
        SubjectSealer otherMaster = new SubjectSealer(keys, TinkSecretBox.fromKeysetJson(TinkSecretBox.generateKeysetJson()));

        assertThat(sameMaster.open("subjectId", sealedId)).contains("subject-1");
        assertThatThrownBy(() -> otherMaster.open("subjectId", sealedId))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open under the master key");
    }

    @Test
    void wrappedKeyCopiedToAnotherSubject_doesNotOpen() {
        sealer.seal(release("subject-1", "N0aQ"));
        SubjectKey original = keys.findBySubject("subject-1").orElseThrow();
        InMemorySubjectKeyStore forged = new InMemorySubjectKeyStore();
        forged.createIfAbsent(new SubjectKey(original.keyId(), "subject-2", original.wrappedKey(), original.createdAt()));
        SubjectSealer reader = new SubjectSealer(forged, TinkSecretBox.fromKeysetJson(MASTER));

        assertThatThrownBy(() -> reader.seal(release("subject-2", "x")))
                .isInstanceOf(IllegalStateException.class);
    }

    private static String keyIdIn(AuditEvent sealed) {
        return SealedValue.parse(sealed.details().get("subjectId")).keyId();
    }
}
