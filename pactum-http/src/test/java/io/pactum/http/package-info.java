@NullMarked
package io.pactum.http;

import org.jspecify.annotations.NullMarked;
