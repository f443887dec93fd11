package io.pactum.http.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.error.ConflictException;
import io.pactum.core.error.ErrorCode;
import io.pactum.core.error.ForbiddenException;
import io.pactum.core.error.InvalidInputException;
import io.pactum.core.error.NotFoundException;
import io.pactum.core.error.PactumException;
import io.pactum.core.error.PayloadTooLargeException;
import io.pactum.core.error.UnauthenticatedException;
import io.vertx.ext.web.handler.HttpException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ProblemsTest {
    static Stream<Arguments> coreErrors() {
        return Stream.of(
                Arguments.of(new InvalidInputException("dataModel.fields[2].min", "min must not be greater than max"), 400,
                        "invalid-input", "invalid_input", "dataModel.fields[2].min"),
                Arguments.of(new UnauthenticatedException("a valid bearer token is required"), 401, "unauthenticated",
                        "unauthenticated", null),
                Arguments.of(new ForbiddenException("nope"), 403, "forbidden", "forbidden", null),
                Arguments.of(NotFoundException.of("device", "d1"), 404, "not-found", "not_found", null),
                Arguments.of(new ConflictException("name", "taken"), 409, "conflict", "conflict", "name"),
                Arguments.of(new PayloadTooLargeException("too big"), 413, "payload-too-large", "payload_too_large", null));
    }

    @ParameterizedTest
    @MethodSource("coreErrors")
    void coreError_mapsToItsStatus_typeFromSlug_codeAndField(PactumException e, int status, String slug, String code,
            String field) {
        Problem problem = Problems.of(e, -1, "/api/v1/x");

        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.type()).isEqualTo("https://pactum.io/problems/" + slug);
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.field()).isEqualTo(field);
        assertThat(problem.detail()).isEqualTo(e.getMessage());
        assertThat(problem.instance()).isEqualTo("/api/v1/x");
        assertThat(problem.title()).isNotBlank();
    }

    @Test
    void everyErrorCode_hasA4xxOr503Status() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(Problems.status(code)).as("%s", code).isBetween(400, 503);
        }
        assertThat(Problems.status(ErrorCode.UNAVAILABLE)).isEqualTo(503);
    }

    @Test
    void unexpectedException_isA500_whoseDetailRevealsNothingOfTheCause() {
        Problem problem = Problems.of(new IllegalStateException("jdbc:postgresql://db/pactum?password=hunter2"), 500, "/p");

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.type()).isEqualTo("https://pactum.io/problems/internal-error");
        assertThat(problem.detail()).doesNotContain("hunter2", "jdbc", "IllegalState");
    }

    @Test
    void bareStatuses_fromRoutingAndBodyLimit_getTheirOwnProblems() {
        assertThat(Problems.of(null, 404, "/p").type()).endsWith("/not-found");
        assertThat(Problems.of(null, 405, "/p").type()).endsWith("/method-not-allowed");
        assertThat(Problems.of(null, 405, "/p").code()).isEqualTo("method_not_allowed");
        assertThat(Problems.of(null, 413, "/p").status()).isEqualTo(413);
        assertThat(Problems.of(new HttpException(413), -1, "/p").type()).endsWith("/payload-too-large");
        assertThat(Problems.of(new HttpException(400), -1, "/p").type()).endsWith("/invalid-input");
        assertThat(Problems.of(null, 502, "/p").status()).isEqualTo(500);
    }

    @Test
    void unsupportedMediaType_isA415() {
        Problem problem = Problems.of(RequestRefusedException.unsupportedMediaType(), -1, "/p");

        assertThat(problem.status()).isEqualTo(415);
        assertThat(problem.type()).isEqualTo("https://pactum.io/problems/unsupported-media-type");
        assertThat(problem.detail()).contains("application/json");
        assertThat(problem.field()).isNull();
    }

    @Test
    void payloadTooLarge_namesTheLimit() {
        assertThat(Problems.payloadTooLarge(4096, "/p").detail()).contains("4096 bytes");
    }
}
