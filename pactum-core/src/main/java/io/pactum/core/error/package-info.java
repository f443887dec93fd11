@NullMarked
package io.pactum.core.error;

import org.jspecify.annotations.NullMarked;
