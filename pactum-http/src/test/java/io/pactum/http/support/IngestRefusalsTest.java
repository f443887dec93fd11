package io.pactum.http.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.ingest.DeviceRefusal;
import io.pactum.core.ingest.RejectReason;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ingest status/code table of docs/api.md: clients rely on it, so it is pinned here. */
class IngestRefusalsTest {
    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of(RejectReason.UNPROTECTED, 403, "unprotected_message"),
                Arguments.of(RejectReason.INTEGRITY_FAILURE, 403, "integrity_failure"),
                Arguments.of(RejectReason.DEVICE_NOT_ACTIVE, 403, "device_not_active"),
                Arguments.of(RejectReason.REPLAY, 409, "replay"),
                Arguments.of(RejectReason.MALFORMED_PAYLOAD, 400, "malformed_payload"),
                Arguments.of(RejectReason.INVALID_VALUE, 422, "invalid_value"),
                Arguments.of(RejectReason.TOO_LARGE, 413, "payload_too_large"));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(DeviceRefusal.BAD_CREDENTIALS, 401, "unauthenticated"),
                Arguments.of(DeviceRefusal.DEVICE_QUARANTINED, 403, "device_quarantined"),
                Arguments.of(DeviceRefusal.DEVICE_REVOKED, 403, "device_revoked"),
                Arguments.of(DeviceRefusal.PRODUCT_NOT_APPROVED, 403, "product_not_approved"),
                Arguments.of(DeviceRefusal.SOURCE_BLOCKED, 403, "source_blocked"));
    }

    @ParameterizedTest
    @MethodSource("rejections")
    void rejection_isAProblemWithItsStatusAndCode_carryingCoresDetail(RejectReason reason, int status, String code) {
        Problem problem = Problems.of(IngestRefusals.rejected(reason, "counter 7 was already used"), -1, "/ingest/v1/x");

        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.type()).isEqualTo(Problem.TYPE_BASE + code.replace('_', '-'));
        assertThat(problem.detail()).isEqualTo("counter 7 was already used");
        assertThat(problem.title()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusal_isAProblemWithItsStatusAndCode(DeviceRefusal refusal, int status, String code) {
        Problem problem = Problems.of(IngestRefusals.refused(refusal), -1, "/ingest/v1/x");

        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.detail()).isNotBlank();
    }

    @Test
    void everyReasonAndRefusal_isInTheTable() {
        Set<Object> covered = new HashSet<>();
        rejections().forEach(a -> covered.add(a.get()[0]));
        refusals().forEach(a -> covered.add(a.get()[0]));

        assertThat(covered).containsAll(Set.of(RejectReason.values())).containsAll(Set.of(DeviceRefusal.values()));
    }

    @Test
    void badCredentials_sayNothingAboutWhetherTheDeviceExists() {
        assertThat(IngestRefusals.refused(DeviceRefusal.BAD_CREDENTIALS).getMessage())
                .doesNotContainIgnoringCase("unknown").doesNotContainIgnoringCase("wrong");
    }
}
