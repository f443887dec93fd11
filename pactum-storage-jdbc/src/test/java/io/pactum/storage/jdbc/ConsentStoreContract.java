package io.pactum.storage.jdbc;

import static io.pactum.storage.jdbc.SharingFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.ConflictException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.registry.DataSubject;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.RegistryStores;
import io.pactum.core.sharing.ConsentAction;
import io.pactum.core.sharing.ConsentReceipt;
import io.pactum.core.sharing.ConsentStore;
import io.pactum.core.sharing.LegalBasis;
import io.pactum.core.sharing.Purpose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every consent store must show; a back end runs it by extending this class. The log
 * is read back in the order appended, which is neither the order of receipt ids nor of timestamps.
 */
abstract class ConsentStoreContract {
    /** Fresh, empty stores of one back end: the registry (subjects, recipients) and the consent log. */
    record Stores(RegistryStores registry, ConsentStore consents) {}

    protected abstract Stores newStores();

    private ConsentStore consents;

    @BeforeEach
    void createSubjectsAndRecipients() {
        Stores stores = newStores();
        consents = stores.consents();
        SharingFixtures.organisation(stores.registry(), "hub", OrganisationRole.OPERATOR);
        SharingFixtures.organisation(stores.registry(), "care", OrganisationRole.PARTNER);
        SharingFixtures.organisation(stores.registry(), "lab", OrganisationRole.PARTNER);
        stores.registry().subjects().insert(new DataSubject("subject-1", T0));
        stores.registry().subjects().insert(new DataSubject("subject-2", T0));
    }

    private static ConsentReceipt receipt(String id, String subjectId, String recipientId, Purpose purpose,
            ConsentAction action, Instant at) {
        return new ConsentReceipt(id, ConsentReceipt.VERSION, at, subjectId, "hub", recipientId, purpose,
                LegalBasis.CONSENT, action, "operator-on-behalf", "client-7");
    }

    @Test
    void append_thenList_returnsEqualReceipts_inTheOrderAppended() {
        // ids and timestamps both run against the append order
        ConsentReceipt given = receipt("z-receipt", "subject-1", "care", Purpose.HEALTHCARE, ConsentAction.GIVEN,
                T0.plusSeconds(30));
        ConsentReceipt withdrawn = receipt("m-receipt", "subject-1", "care", Purpose.HEALTHCARE,
                ConsentAction.WITHDRAWN, T0.plusSeconds(20));
        ConsentReceipt other = new ConsentReceipt("a-receipt", "pactum-cr-1 (caf\u00e9)", T0.plusNanos(1_000),
                "subject-2", "hub", "lab", Purpose.RESEARCH, LegalBasis.CONSENT, ConsentAction.GIVEN, "api", "client-9");

        consents.append(given);
        consents.append(withdrawn);
        consents.append(other);

        assertThat(consents.list()).containsExactly(given, withdrawn, other);
    }

    @Test
    void listBySubject_returnsOnlyThatSubjectsReceipts_inTheOrderAppended() {
        List<ConsentReceipt> subjectOne = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Purpose purpose = Purpose.values()[i % Purpose.values().length];
            ConsentAction action = i % 2 == 0 ? ConsentAction.GIVEN : ConsentAction.WITHDRAWN;
            // ids descend, timestamps go back and forth
            ConsentReceipt mine = receipt(String.format("r%03d", 100 - i), "subject-1", i % 3 == 0 ? "lab" : "care",
                    purpose, action, T0.plusSeconds((i * 7L) % 11));
            consents.append(mine);
            subjectOne.add(mine);
            consents.append(receipt("other-" + i, "subject-2", "care", purpose, action, T0));
        }

        assertThat(consents.listBySubject("subject-1")).containsExactlyElementsOf(subjectOne);
        assertThat(consents.listBySubject("subject-2")).hasSize(40).allMatch(r -> r.subjectId().equals("subject-2"));
        assertThat(consents.listBySubject("nobody")).isEmpty();
        assertThat(consents.list()).hasSize(80);
    }

    @Test
    void list_ofAnEmptyLog_isEmpty() {
        assertThat(consents.list()).isEmpty();
    }

    @Test
    void append_withTakenReceiptId_isAConflict_andLeavesTheLogAsItWas() {
        ConsentReceipt first = receipt("r1", "subject-1", "care", Purpose.HEALTHCARE, ConsentAction.GIVEN, T0);
        consents.append(first);

        assertThatThrownBy(() -> consents.append(receipt("r1", "subject-2", "lab", Purpose.RESEARCH,
                ConsentAction.WITHDRAWN, T0.plusSeconds(1)))).isInstanceOf(ConflictException.class);

        assertThat(consents.list()).containsExactly(first);
    }

    @Test
    void append_forUnknownSubjectOrRecipient_isInvalidInputNamingIt() {
        assertThatThrownBy(() -> consents.append(receipt("r1", "ghost", "care", Purpose.HEALTHCARE,
                ConsentAction.GIVEN, T0))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).contains("subjectId"));
        assertThatThrownBy(() -> consents.append(receipt("r2", "subject-1", "nowhere", Purpose.HEALTHCARE,
                ConsentAction.GIVEN, T0))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).contains("recipientId"));

        assertThat(consents.list()).isEmpty();
    }
}
