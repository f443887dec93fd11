@NullMarked
package io.pactum.server.config;

import org.jspecify.annotations.NullMarked;
