/**
 * The ingest path: device authentication, and the pipeline that turns a device's message into a
 * verified, validated, stored canonical record.
 */
@NullMarked
package io.pactum.core.ingest;

import org.jspecify.annotations.NullMarked;
