@NullMarked
package io.pactum.server.cli;

import org.jspecify.annotations.NullMarked;
