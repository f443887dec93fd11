/** One class per resource; each mounts its endpoints on the router and delegates to one registry service. */
@NullMarked
package io.pactum.http.routes;

import org.jspecify.annotations.NullMarked;
