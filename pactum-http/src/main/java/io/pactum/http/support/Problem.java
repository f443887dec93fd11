package io.pactum.http.support;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem document. {@code code} is the stable machine-readable error code; {@code field}
 * names the offending input member as a path such as {@code dataModel.fields[2].min}.
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        @Nullable String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://pactum.io/problems/";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(code, "code");
    }
}
