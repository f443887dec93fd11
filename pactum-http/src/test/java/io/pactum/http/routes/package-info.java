@NullMarked
package io.pactum.http.routes;

import org.jspecify.annotations.NullMarked;
