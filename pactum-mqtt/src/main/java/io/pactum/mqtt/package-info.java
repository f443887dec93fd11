/**
 * The MQTT adapter: {@link io.pactum.mqtt.MqttAdapter} serves MQTT 3.1.1 and 5 on Vert.x,
 * authenticates devices at CONNECT, confines each device to its own topics and hands its messages,
 * in order and off the event loop, to the ingest path. Partners (API clients of recipient
 * organisations, see {@link io.pactum.mqtt.PartnerAccess}) connect with their bearer token, receive
 * their organisation's outbox at least once and send commands, in their own namespace.
 */
@NullMarked
package io.pactum.mqtt;

import org.jspecify.annotations.NullMarked;
