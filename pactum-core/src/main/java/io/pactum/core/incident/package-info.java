/**
 * Incidents: what detectors raised, what the hub and the operator did about it, and where it stands.
 * An {@link io.pactum.core.incident.Incident} carries its severity, status (open, contained,
 * resolved), the devices, organisations and data subjects it affects, the signals that led to it and
 * an assignee; its {@link io.pactum.core.incident.TimelineEntry timeline} records every step, each
 * also appended to the audit trail. {@link io.pactum.core.incident.IncidentService} holds the rules;
 * {@link io.pactum.core.incident.IncidentStore} is the storage SPI.
 */
@NullMarked
package io.pactum.core.incident;

import org.jspecify.annotations.NullMarked;
