/**
 * {@code pactum demo} (issue #7): a simulated ecosystem — three suppliers' devices in three formats,
 * a clinic and an analytics company receiving different protected views, a consent withdrawal and
 * an attack — played against an in-process hub on loopback, with a live summary of what happened.
 */
@NullMarked
package io.pactum.server.demo;

import org.jspecify.annotations.NullMarked;
