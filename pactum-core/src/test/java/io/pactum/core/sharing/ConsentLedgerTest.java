package io.pactum.core.sharing;

import static io.pactum.core.sharing.Sharing.CARE;
import static io.pactum.core.sharing.Sharing.SUBJECT;
import static io.pactum.core.sharing.Sharing.T0;
import static io.pactum.core.sharing.Sharing.consent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentLedgerTest {
    private final ConsentLedger ledger = new ConsentLedger();

    @Test
    void stands_followsTheLatestReceiptPerSubjectRecipientAndPurpose() {
        assertThat(ledger.stands(SUBJECT, CARE, Purpose.HEALTHCARE)).isFalse();

        ledger.apply(consent("cr-1", ConsentAction.GIVEN, T0));
        assertThat(ledger.stands(SUBJECT, CARE, Purpose.HEALTHCARE)).isTrue();
        assertThat(ledger.stands(SUBJECT, CARE, Purpose.MARKETING)).isFalse();
        assertThat(ledger.stands(SUBJECT, "org-other", Purpose.HEALTHCARE)).isFalse();
        assertThat(ledger.stands("subject-8", CARE, Purpose.HEALTHCARE)).isFalse();

        ledger.apply(consent("cr-2", ConsentAction.WITHDRAWN, T0.plusSeconds(1)));
        assertThat(ledger.stands(SUBJECT, CARE, Purpose.HEALTHCARE)).isFalse();
        assertThat(ledger.latest(SUBJECT, CARE, Purpose.HEALTHCARE)).get()
                .extracting(ConsentReceipt::receiptId).isEqualTo("cr-2");
    }

    @Test
    void apply_anOlderReceiptAfterANewerOne_changesNothing() {
        ledger.applyAll(List.of(consent("cr-2", ConsentAction.WITHDRAWN, T0.plusSeconds(5))));

        boolean applied = ledger.apply(consent("cr-1", ConsentAction.GIVEN, T0));

        assertThat(applied).isFalse();
        assertThat(ledger.stands(SUBJECT, CARE, Purpose.HEALTHCARE)).isFalse();
    }
}
