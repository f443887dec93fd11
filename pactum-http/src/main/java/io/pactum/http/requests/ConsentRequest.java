package io.pactum.http.requests;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.sharing.ConsentAction;
import io.pactum.core.sharing.ConsentChange;
import io.pactum.core.sharing.Purpose;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/consents}: a data subject gives or withdraws consent for one purpose and one
 * recipient. {@code method} says how it was collected: {@code api} (the default: by an application
 * of the operator's, from the subject) or {@code operator-on-behalf}.
 */
public record ConsentRequest(
        @Nullable String subjectId,
        @Nullable String recipientId,
        @Nullable Purpose purpose,
        @Nullable ConsentAction action,
        @Nullable String method) {

    public static final List<String> METHODS = List.of(ConsentChange.METHOD_API, ConsentChange.METHOD_OPERATOR_ON_BEHALF);

    public ConsentRequest {
        if (method != null && !METHODS.contains(method)) {
            throw new InvalidInputException("method", "method must be one of: " + String.join(", ", METHODS));
        }
    }

    public ConsentChange toChange() {
        return new ConsentChange(subjectId, recipientId, purpose, action, method);
    }
}
