package io.pactum.core.detect;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An alarm listener that keeps what it hears, for assertions; safe from several threads. */
final class RecordingAlarms implements AlarmListener {
    final List<Alarm> raised = new CopyOnWriteArrayList<>();
    final List<AlarmCleared> cleared = new CopyOnWriteArrayList<>();

    @Override
    public void raised(Alarm alarm) {
        raised.add(alarm);
    }

    @Override
    public void cleared(AlarmCleared alarmCleared) {
        cleared.add(alarmCleared);
    }

    List<Alarm> raisedBy(String behaviour) {
        return raised.stream().filter(a -> a.behaviour().equals(behaviour)).toList();
    }
}
