/**
 * Security signals: what every layer observes that may indicate an attack. Adapters and stages
 * raise them; detection consumes them.
 */
@NullMarked
package io.pactum.core.signal;

import org.jspecify.annotations.NullMarked;
