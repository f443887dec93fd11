/**
 * Detection: turns observations (security signals, connections, accepted messages and values,
 * partner requests) into alarms, by configured {@link io.pactum.core.detect.Behaviour behaviours}
 * in the manner of AWS IoT Device Defender: a metric per subject over a sliding window, an
 * operator, a fixed threshold or a fleet percentile, and consecutive data points to alarm and to
 * clear. State is per subject, in memory, and bounded. Playbooks consume the alarms.
 */
@NullMarked
package io.pactum.core.detect;

import org.jspecify.annotations.NullMarked;
