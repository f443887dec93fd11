package io.pactum.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pactum.core.error.ErrorCode;
import io.pactum.core.error.ForbiddenException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Scope;
import io.pactum.core.security.Principal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    private static final Set<Scope> ALL = EnumSet.allOf(Scope.class);

    /** A resource owned by an organisation, as the registry's records are. */
    private record Owned(String id, String ownerId) {}

    private static Principal principal(String org, OrganisationRole role, Set<Scope> scopes) {
        return new Principal("client-of-" + org, org, role, scopes);
    }

    private static final Principal OPERATOR = principal("op", OrganisationRole.OPERATOR, ALL);
    private static final Principal SUPPLIER = principal("acme", OrganisationRole.SUPPLIER, ALL);
    private static final Principal PARTNER = principal("carrier", OrganisationRole.PARTNER, ALL);
    private static final Principal READ_ONLY_SUPPLIER = principal("acme", OrganisationRole.SUPPLIER, Set.of(Scope.READ));

    // --- requireScope -------------------------------------------------------------------------

    @Test
    void requireScope_tokenWithScope_passes() {
        assertThatCode(() -> AccessPolicy.requireScope(READ_ONLY_SUPPLIER, Scope.READ)).doesNotThrowAnyException();
    }

    @Test
    void requireScope_tokenWithoutScope_isForbiddenNamingTheScope() {
        ForbiddenException e = catchThrowableOfType(ForbiddenException.class,
                () -> AccessPolicy.requireScope(READ_ONLY_SUPPLIER, Scope.WRITE));
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(e.getMessage()).contains("'write'");
    }

    @Test
    void requireScope_evenTheOperatorNeedsTheScope() {
        Principal readOnlyOperator = principal("op", OrganisationRole.OPERATOR, Set.of(Scope.READ));
        assertThatThrownBy(() -> AccessPolicy.requireScope(readOnlyOperator, Scope.ADMIN))
                .isInstanceOf(ForbiddenException.class);
    }

    // --- requireRole --------------------------------------------------------------------------

    @Test
    void requireRole_listedRole_passes() {
        assertThatCode(() -> AccessPolicy.requireRole(SUPPLIER, Scope.WRITE, "register products",
                OrganisationRole.SUPPLIER)).doesNotThrowAnyException();
    }

    @Test
    void requireRole_unlistedRole_isForbiddenNamingRoleAndAction() {
        ForbiddenException e = catchThrowableOfType(ForbiddenException.class,
                () -> AccessPolicy.requireRole(PARTNER, Scope.WRITE, "register products", OrganisationRole.SUPPLIER));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("partner").contains("register products");
    }

    @Test
    void requireRole_operator_isAlwaysAllowed_evenWhenNotListed() {
        assertThatCode(() -> AccessPolicy.requireRole(OPERATOR, Scope.WRITE, "register products",
                OrganisationRole.SUPPLIER)).doesNotThrowAnyException();
        assertThatCode(() -> AccessPolicy.requireRole(OPERATOR, Scope.WRITE, "do anything"))
                .doesNotThrowAnyException();
    }

    @Test
    void requireRole_rightRoleButMissingScope_isForbidden() {
        assertThatThrownBy(() -> AccessPolicy.requireRole(READ_ONLY_SUPPLIER, Scope.WRITE, "register products",
                OrganisationRole.SUPPLIER)).isInstanceOf(ForbiddenException.class).hasMessageContaining("scope");
    }

    @Test
    void requireRole_operatorMissingScope_isForbidden() {
        Principal readOnlyOperator = principal("op", OrganisationRole.OPERATOR, Set.of(Scope.READ));
        assertThatThrownBy(() -> AccessPolicy.requireRole(readOnlyOperator, Scope.WRITE, "approve products"))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void requireOperator_nonOperator_isForbidden_operatorPasses() {
        assertThatThrownBy(() -> AccessPolicy.requireOperator(SUPPLIER, Scope.WRITE, "approve products"))
                .isInstanceOf(ForbiddenException.class);
        assertThatCode(() -> AccessPolicy.requireOperator(OPERATOR, Scope.WRITE, "approve products"))
                .doesNotThrowAnyException();
    }

    // --- visible ------------------------------------------------------------------------------

    @Test
    void visible_ownResource_isReturned() {
        Owned device = new Owned("dev-1", "acme");
        assertThat(AccessPolicy.visible(SUPPLIER, Optional.of(device), Owned::ownerId, "device", "dev-1"))
                .isSameAs(device);
    }

    @Test
    void visible_operator_seesEveryOrganisationsResource() {
        Owned device = new Owned("dev-1", "acme");
        assertThat(AccessPolicy.visible(OPERATOR, Optional.of(device), Owned::ownerId, "device", "dev-1"))
                .isSameAs(device);
    }

    @Test
    void visible_anotherOrganisationsResource_isNotFound() {
        Owned device = new Owned("dev-1", "acme");
        NotFoundException e = catchThrowableOfType(NotFoundException.class,
                () -> AccessPolicy.visible(PARTNER, Optional.of(device), Owned::ownerId, "device", "dev-1"));
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(e.getMessage()).contains("dev-1").doesNotContain("acme");
    }

    @Test
    void visible_anotherOrganisationsResource_looksExactlyLikeAnAbsentOne() {
        Owned device = new Owned("dev-1", "acme");
        NotFoundException foreign = catchThrowableOfType(NotFoundException.class,
                () -> AccessPolicy.visible(PARTNER, Optional.of(device), Owned::ownerId, "device", "dev-1"));
        NotFoundException absent = catchThrowableOfType(NotFoundException.class,
                () -> AccessPolicy.visible(PARTNER, Optional.<Owned>empty(), Owned::ownerId, "device", "dev-1"));
        assertThat(foreign).isNotNull();
        assertThat(absent).isNotNull();
        assertThat(foreign.getMessage()).isEqualTo(absent.getMessage());
        assertThat(foreign.field()).isEqualTo(absent.field());
        assertThat(foreign.code()).isEqualTo(absent.code());
    }

    @Test
    void mayAccess_ownOrganisationOrOperatorOnly() {
        assertThat(AccessPolicy.mayAccess(SUPPLIER, "acme")).isTrue();
        assertThat(AccessPolicy.mayAccess(SUPPLIER, "carrier")).isFalse();
        assertThat(AccessPolicy.mayAccess(OPERATOR, "carrier")).isTrue();
    }

    @Test
    void name_isLowerCaseEnumName() {
        assertThat(AccessPolicy.name(OrganisationRole.RESEARCHER)).isEqualTo("researcher");
        assertThat(AccessPolicy.name(Scope.ADMIN)).isEqualTo("admin");
    }
}
