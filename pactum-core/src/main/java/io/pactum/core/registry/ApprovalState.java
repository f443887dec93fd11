package io.pactum.core.registry;

/** Where a product stands in the supplier approval process. */
public enum ApprovalState {
    PENDING,
    APPROVED,
    CONDITIONALLY_APPROVED,
    REJECTED,
    SUSPENDED;

    /** Only devices of products in these states may be provisioned or connect. */
    public boolean admitsDevices() {
        return this == APPROVED || this == CONDITIONALLY_APPROVED;
    }

    /** A supplier may change its submission only before it is admitted, or after it was turned down. */
    public boolean isEditableBySupplier() {
        return this == PENDING || this == REJECTED;
    }
}
