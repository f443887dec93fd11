@NullMarked
package io.pactum.server;

import org.jspecify.annotations.NullMarked;
