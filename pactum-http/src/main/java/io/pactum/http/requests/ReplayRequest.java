package io.pactum.http.requests;

import io.pactum.core.error.InvalidInputException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/webhooks/{id}/dead-letters/replay}: the events to deliver again; none named, all of them. */
public record ReplayRequest(List<Long> eventIds) {
    public static final ReplayRequest ALL = new ReplayRequest(null);

    public ReplayRequest(@Nullable List<Long> eventIds) {
        List<Long> checked = eventIds == null ? List.of() : eventIds;
        for (int i = 0; i < checked.size(); i++) {
            Long id = checked.get(i);
            if (id == null || id < 1) {
                throw new InvalidInputException("eventIds[" + i + "]", "eventIds[" + i + "] must be a positive event id");
            }
        }
        this.eventIds = List.copyOf(checked);
    }
}
