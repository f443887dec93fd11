package io.pactum.core.command;

import java.util.List;
import java.util.Optional;

/** Persistence of commands. */
public interface CommandStore {
    void insert(Command command);

    /** Replaces the stored command with the same id; throws {@code NotFoundException} if there is none. */
    void update(Command command);

    Optional<Command> find(String id);

    /** The device's commands, newest first, at most {@code limit}. */
    List<Command> listByDevice(String deviceId, int limit);

    /** The highest counter any command to the device was signed with; 0 if none. */
    long lastCounter(String deviceId);
}
