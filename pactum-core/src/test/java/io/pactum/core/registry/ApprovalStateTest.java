package io.pactum.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ApprovalStateTest {

    @Test
    void admitsDevices_onlyWhenApprovedOrConditionallyApproved() {
        assertThat(Arrays.stream(ApprovalState.values()).filter(ApprovalState::admitsDevices))
                .containsExactlyInAnyOrder(ApprovalState.APPROVED, ApprovalState.CONDITIONALLY_APPROVED);
    }

    @Test
    void isEditableBySupplier_onlyWhenPendingOrRejected() {
        assertThat(Arrays.stream(ApprovalState.values()).filter(ApprovalState::isEditableBySupplier))
                .containsExactlyInAnyOrder(ApprovalState.PENDING, ApprovalState.REJECTED);
    }

    @Test
    void noState_bothAdmitsDevicesAndIsEditable() {
        // An admitted product must not be changeable under its devices' feet without re-approval.
        assertThat(Arrays.stream(ApprovalState.values()).filter(s -> s.admitsDevices() && s.isEditableBySupplier()))
                .isEmpty();
    }

    @Test
    void suspended_neitherAdmitsDevicesNorIsEditable() {
        assertThat(ApprovalState.SUSPENDED.admitsDevices()).isFalse();
        assertThat(ApprovalState.SUSPENDED.isEditableBySupplier()).isFalse();
    }
}
