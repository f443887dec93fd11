@NullMarked
package io.pactum.http.webhook;

import org.jspecify.annotations.NullMarked;
