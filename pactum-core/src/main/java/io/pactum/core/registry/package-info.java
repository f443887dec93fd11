@NullMarked
package io.pactum.core.registry;

import org.jspecify.annotations.NullMarked;
