package io.pactum.core.registry;

import static io.pactum.core.registry.Rejections.assertRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pactum.core.error.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductUpdateTest {
    private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
    private static final DataModel MODEL = new DataModel(
            List.of(new FieldSpec("temperature", FieldType.NUMBER, "Cel", -40.0, 85.0, DataCategory.TECHNICAL)));

    @Test
    void emptyUpdate_isRejected_withoutNamingAField() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> new ProductUpdate(null, null, null, null));
        assertThat(e).isNotNull();
        assertThat(e.field()).isEmpty();
        assertThat(e.getMessage()).contains("at least one");
    }

    @Test
    void blankModel_isRejectedNamingModel() {
        assertRejectedOn("model", () -> new ProductUpdate(" ", null, null, null));
    }

    @Test
    void firmwareVersion_withControlCharacter_isRejectedNamingFirmwareVersion() {
        assertRejectedOn("firmwareVersion", () -> new ProductUpdate(null, "1.0\r\n", null, null));
    }

    @Test
    void singleMember_isEnough() {
        assertThat(new ProductUpdate(null, null, null, PayloadFormat.SENML_CBOR).payloadFormat())
                .isEqualTo(PayloadFormat.SENML_CBOR);
    }

    @Test
    void applyTo_changesNamedMembers_keepsOthers_andReturnsProductToPending() {
        Product approved = new Product("p-1", "supplier-1", "Thermo", "1.0", MODEL, PayloadFormat.JSON,
                ApprovalState.APPROVED, "ok", CREATED, CREATED);
        Instant at = CREATED.plusSeconds(60);

        Product updated = new ProductUpdate(null, " 1.1 ", null, null).applyTo(approved, at);

        assertThat(updated.firmwareVersion()).isEqualTo("1.1");
        assertThat(updated.model()).isEqualTo("Thermo");
        assertThat(updated.dataModel()).isEqualTo(MODEL);
        assertThat(updated.payloadFormat()).isEqualTo(PayloadFormat.JSON);
        assertThat(updated.approvalState()).isEqualTo(ApprovalState.PENDING);
        assertThat(updated.approvalNote()).isNull();
        assertThat(updated.createdAt()).isEqualTo(CREATED);
        assertThat(updated.updatedAt()).isEqualTo(at);
    }
}
