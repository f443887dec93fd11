/**
 * The MQTT device adapter: {@link io.pactum.mqtt.MqttAdapter} serves MQTT 3.1.1 and 5 on Vert.x,
 * authenticates devices at CONNECT, confines each device to its own topics and hands its messages,
 * in order and off the event loop, to the ingest path.
 */
@NullMarked
package io.pactum.mqtt;

import org.jspecify.annotations.NullMarked;
