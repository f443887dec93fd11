@NullMarked
package io.pactum.core.security;

import org.jspecify.annotations.NullMarked;
