package io.pactum.http;

import io.pactum.core.error.InvalidInputException;
import io.pactum.core.incident.Incident;
import io.pactum.core.incident.ResponseAction;
import java.util.ArrayList;
import java.util.List;

/**
 * A response action for tests: it "flags" a device by keeping a list of what it did, so a test can
 * see that the API took and reversed it exactly once and that a refused request did neither. Like a
 * real action, it refuses a target it cannot act on (here: one that names no device of the incident
 * nor any id at all) before doing anything.
 */
final class FlagDeviceAction implements ResponseAction {
    static final String NAME = "flag-device";

    private final List<String> done = new ArrayList<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized String take(Incident incident, String target) {
        if (target.contains(" ")) {
            throw new InvalidInputException("target", "target must be a device id");
        }
        done.add("flagged " + target + " in " + incident.id());
        return "flagged " + target;
    }

    @Override
    public synchronized String reverse(String target, String takenDetail) {
        done.add("unflagged " + target + " (taken: " + takenDetail + ")");
        return "unflagged " + target;
    }

    /** What the action did, in order. */
    synchronized List<String> done() {
        return List.copyOf(done);
    }
}
