/**
 * Payload translation and data-model validation: a {@link io.pactum.core.translate.PayloadTranslator}
 * turns one message payload (JSON, SenML JSON/CBOR, fixed binary layout) into
 * {@link io.pactum.core.translate.Readings}, and a {@link io.pactum.core.translate.RecordValidator}
 * checks them against the product's data model. Integrity unwrapping happens before; the canonical
 * record is assembled after, from the validator's result.
 */
@NullMarked
package io.pactum.core.translate;

import org.jspecify.annotations.NullMarked;
