/**
 * Benchmarks of the ingest path: JMH micro-benchmarks ({@code *Benchmark}) and the MQTT load
 * harness ({@link io.pactum.bench.IngestLoadHarness}) that compares the hub with Debian's Mosquitto
 * on the same machine. Results and the commands that produced them are in {@code docs/benchmarks.md}.
 */
@NullMarked
package io.pactum.bench;

import org.jspecify.annotations.NullMarked;
