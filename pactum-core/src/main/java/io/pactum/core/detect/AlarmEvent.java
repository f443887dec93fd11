package io.pactum.core.detect;

/** What the detection engine emits: an alarm raised or cleared. */
public sealed interface AlarmEvent permits Alarm, AlarmCleared {
    String behaviour();

    String subject();
}
