package io.pactum.storage.jdbc;

import static io.pactum.storage.jdbc.SharingFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pactum.core.error.ConflictException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.privacy.TransformKind;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.RegistryStores;
import io.pactum.core.sharing.Agreement;
import io.pactum.core.sharing.AgreementState;
import io.pactum.core.sharing.AgreementStore;
import io.pactum.core.sharing.CommandGrant;
import io.pactum.core.sharing.LegalBasis;
import io.pactum.core.sharing.Purpose;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every agreement store must show; a back end runs it by extending this class. What
 * is read back equals what was stored, for every kind of field transform, scope and grant.
 */
abstract class AgreementStoreContract {
    /** Fresh, empty stores of one back end: the registry (for recipients) and the agreements. */
    record Stores(RegistryStores registry, AgreementStore agreements) {}

    protected abstract Stores newStores();

    private AgreementStore agreements;

    @BeforeEach
    void createRecipients() {
        Stores stores = newStores();
        agreements = stores.agreements();
        SharingFixtures.organisation(stores.registry(), "acme", OrganisationRole.SUPPLIER);
        SharingFixtures.organisation(stores.registry(), "care", OrganisationRole.PARTNER);
        SharingFixtures.organisation(stores.registry(), "lab", OrganisationRole.PARTNER);
    }

    /** Every transform kind, steps that are not exact binary fractions, grants of every shape. */
    private static Agreement everything() {
        Map<String, FieldTransform> fields = new LinkedHashMap<>();
        fields.put("glucose", FieldTransform.round(0.1));
        fields.put("latitude", FieldTransform.coarsenLocation(0.01));
        fields.put("longitude", FieldTransform.coarsenLocation(1.0E-7));
        fields.put("heart_rate", FieldTransform.round(5));
        fields.put("steps", FieldTransform.KEEP);
        fields.put("name", FieldTransform.PSEUDONYMISE);
        fields.put("note", FieldTransform.DROP);
        List<CommandGrant> commands = List.of(
                CommandGrant.toAllInScope("reboot"),
                new CommandGrant("calibrate", Set.of("glucose-1", "glucose-2"), Set.of()),
                new CommandGrant("set-interval", Set.of("thermo-9"), Set.of("ward-3", "ward-1")),
                new CommandGrant("locate", Set.of(), Set.of("ward-2")));
        return new Agreement("a-everything", "care", Set.of("glucose-product", "thermo-product"),
                Set.of("ward-1", "ward-2"), fields, Purpose.SAFETY_MONITORING, LegalBasis.VITAL_INTEREST,
                T0, T0.plus(365, ChronoUnit.DAYS).plusNanos(123_000), 1_000_000, ChronoUnit.HOURS, commands,
                AgreementState.ACTIVE, T0.minusSeconds(5), T0.minusSeconds(5));
    }

    @Test
    void insert_thenFind_returnsEqualAgreement_withEveryTransformGrantAndValidity() {
        Agreement agreement = everything();

        agreements.insert(agreement);

        Agreement found = agreements.find("a-everything").orElseThrow();
        assertThat(found).isEqualTo(agreement);
        assertThat(found.fields().get("glucose")).isEqualTo(new FieldTransform(TransformKind.ROUND, 0.1));
        assertThat(found.fields().get("longitude").step()).isEqualTo(1.0E-7);
        assertThat(found.commands()).as("grant order kept").extracting(CommandGrant::command)
                .containsExactly("reboot", "calibrate", "set-interval", "locate");
        assertThat(found.timeResolution()).isEqualTo(ChronoUnit.HOURS);
        assertThat(found.validUntil()).isEqualTo(agreement.validUntil());
        assertThat(agreements.find("nope")).isEmpty();
    }

    @Test
    void insert_thenFind_keepsAbsentParts_absent() {
        Agreement minimal = new Agreement("a-minimal", "lab", Set.of(), Set.of("ward-1"), Map.of(),
                Purpose.MAINTENANCE, LegalBasis.CONTRACT, T0, null, 1, null,
                List.of(CommandGrant.toAllInScope("reboot")), AgreementState.SUSPENDED, T0, T0.plusSeconds(1));

        agreements.insert(minimal);

        Agreement found = agreements.find("a-minimal").orElseThrow();
        assertThat(found).isEqualTo(minimal);
        assertThat(found.validUntil()).isNull();
        assertThat(found.timeResolution()).isNull();
        assertThat(found.productIds()).isEmpty();
        assertThat(found.fields()).isEmpty();
    }

    @Test
    void insert_ofEveryPurposeLegalBasisResolutionAndState_roundTrips() {
        List<Agreement> inserted = new ArrayList<>();
        List<ChronoUnit> resolutions = new ArrayList<>(List.of(ChronoUnit.MINUTES, ChronoUnit.HOURS, ChronoUnit.DAYS));
        resolutions.add(null);
        int n = 0;
        for (Purpose purpose : Purpose.values()) {
            for (LegalBasis basis : LegalBasis.values()) {
                ChronoUnit resolution = resolutions.get(n % resolutions.size());
                AgreementState state = AgreementState.values()[n % AgreementState.values().length];
                Instant created = T0.plusSeconds(n);
                Agreement agreement = new Agreement("a-" + n, n % 2 == 0 ? "care" : "lab", Set.of("p-" + n), Set.of(),
                        Map.of("glucose", FieldTransform.round(n + 0.25)), purpose, basis, T0,
                        n % 3 == 0 ? null : T0.plusSeconds(3600L + n), 1 + n, resolution, List.of(), state, created,
                        created);
                agreements.insert(agreement);
                inserted.add(agreement);
                n++;
            }
        }

        assertThat(agreements.list()).containsExactlyElementsOf(inserted);
    }

    @Test
    void insert_withTakenId_isAConflict_andKeepsTheFirst() {
        Agreement first = SharingFixtures.agreement("a1", "care", "glucose-product", T0);
        agreements.insert(first);

        assertThatThrownBy(() -> agreements.insert(SharingFixtures.agreement("a1", "lab", "other-product", T0)))
                .isInstanceOf(ConflictException.class);

        assertThat(agreements.find("a1")).contains(first);
    }

    @Test
    void insert_forUnknownRecipient_isInvalidInputOnRecipientId() {
        assertThatThrownBy(() -> agreements.insert(SharingFixtures.agreement("a1", "ghost", "glucose-product", T0)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).contains("recipientId"));

        assertThat(agreements.find("a1")).isEmpty();
    }

    @Test
    void update_replacesStateAndUpdatedAt_andLeavesOthersAlone() {
        Agreement agreement = everything();
        Agreement other = SharingFixtures.agreement("a-other", "care", "glucose-product", T0);
        agreements.insert(agreement);
        agreements.insert(other);

        Agreement suspended = agreement.withState(AgreementState.SUSPENDED, T0.plusSeconds(60));
        agreements.update(suspended);
        assertThat(agreements.find(agreement.id())).contains(suspended);

        Agreement revoked = suspended.withState(AgreementState.REVOKED, T0.plusSeconds(120));
        agreements.update(revoked);
        Agreement found = agreements.find(agreement.id()).orElseThrow();
        assertThat(found).isEqualTo(revoked);
        assertThat(found.state()).isEqualTo(AgreementState.REVOKED);
        assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(found.createdAt()).isEqualTo(agreement.createdAt());
        assertThat(agreements.find("a-other")).contains(other);
    }

    @Test
    void update_ofUnknownAgreement_isNotFound() {
        assertThatThrownBy(() -> agreements.update(SharingFixtures.agreement("nope", "care", "glucose-product", T0)))
                .isInstanceOf(NotFoundException.class);
        assertThat(agreements.list()).isEmpty();
    }

    @Test
    void list_andListByRecipient_returnOldestFirst_andOnlyThatRecipients() {
        Agreement careLater = SharingFixtures.agreement("a-care-later", "care", "glucose-product", T0.plusSeconds(20));
        Agreement lab = SharingFixtures.agreement("a-lab", "lab", "glucose-product", T0.plusSeconds(10));
        Agreement careFirst = SharingFixtures.agreement("z-care-first", "care", "glucose-product", T0);
        Agreement careSameTime = SharingFixtures.agreement("b-care-same-time", "care", "glucose-product",
                T0.plusSeconds(20));
        agreements.insert(careLater);
        agreements.insert(lab);
        agreements.insert(careFirst);
        agreements.insert(careSameTime);

        assertThat(agreements.list()).containsExactly(careFirst, lab, careLater, careSameTime);
        assertThat(agreements.listByRecipient("care")).containsExactly(careFirst, careLater, careSameTime);
        assertThat(agreements.listByRecipient("lab")).containsExactly(lab);
        assertThat(agreements.listByRecipient("acme")).isEmpty();
        assertThat(agreements.listByRecipient("ghost")).isEmpty();
    }
}
