/**
 * The registry's use cases. Each method takes the calling {@link io.pactum.core.security.Principal},
 * checks it against {@link io.pactum.core.access.AccessPolicy}, and only then reads or changes the stores,
 * so that the REST API and the CLI enforce the same rules.
 */
@NullMarked
package io.pactum.core.service;

import org.jspecify.annotations.NullMarked;
