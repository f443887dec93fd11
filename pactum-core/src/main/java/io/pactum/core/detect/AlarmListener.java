package io.pactum.core.detect;

/**
 * Receives alarms, typically the incident and playbook layer. Called on the thread that made the
 * observation, often a network event loop: implementations must be quick and must not block
 * (hand over to a queue or an executor for anything slow).
 */
public interface AlarmListener {
    void raised(Alarm alarm);

    void cleared(AlarmCleared cleared);
}
