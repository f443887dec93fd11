/**
 * Delivery of released records to their recipients: one durable outbox per recipient (written in
 * the same transaction as the records it releases), read by every delivery channel (MQTT partner
 * sessions, webhooks, Server-Sent Events, polling) from its own cursor. Delivery is at least once;
 * the event id is the de-duplication key.
 */
@NullMarked
package io.pactum.core.delivery;

import org.jspecify.annotations.NullMarked;
