/**
 * Benchmarks of the ingest and sharing paths: JMH micro-benchmarks ({@code *Benchmark}) and two
 * MQTT load harnesses that compare the hub with Debian's Mosquitto on the same machine — ingest
 * ({@link io.pactum.bench.IngestLoadHarness}) and sharing end to end, device to two recipients
 * ({@link io.pactum.bench.SharingLoadHarness}). Results and the commands that produced them are in
 * {@code docs/benchmarks.md}.
 */
@NullMarked
package io.pactum.bench;

import org.jspecify.annotations.NullMarked;
