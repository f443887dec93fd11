package io.pactum.http.support;

/**
 * A refusal that belongs to HTTP rather than to the registry (wrong media type, no such route),
 * so it has no place in core's error vocabulary.
 */
public final class RequestRefusedException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;

    public RequestRefusedException(int status, String slug, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public static RequestRefusedException unsupportedMediaType() {
        return new RequestRefusedException(415, "unsupported-media-type", "Unsupported media type",
                "the request body must be JSON, sent with Content-Type: application/json");
    }
}
