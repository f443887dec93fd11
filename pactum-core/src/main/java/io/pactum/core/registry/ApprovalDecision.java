package io.pactum.core.registry;

import org.jspecify.annotations.Nullable;

/** The operator's decision on a product, with the reason recorded beside it. */
public record ApprovalDecision(ApprovalState state, @Nullable String note) {
    public ApprovalDecision(@Nullable ApprovalState state, @Nullable String note) {
        this.state = Checks.present("state", state);
        this.note = Checks.optionalText("note", note);
    }
}
