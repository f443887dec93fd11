@NullMarked
package io.pactum.http.support;

import org.jspecify.annotations.NullMarked;
