package io.pactum.core.sharing;

import java.util.List;
import java.util.Optional;

/** Persistence of agreements; each call is atomic. */
public interface AgreementStore {
    void insert(Agreement agreement);

    /** Replaces a stored agreement (its state and {@code updatedAt}); throws {@code NotFoundException} if there is none. */
    void update(Agreement agreement);

    Optional<Agreement> find(String id);

    /** All agreements, oldest first. */
    List<Agreement> list();

    /** The recipient's agreements, oldest first. */
    List<Agreement> listByRecipient(String recipientId);
}
