/**
 * The REST API: {@link io.pactum.http.HttpApi} starts it for the composition root. Routes call the
 * registry's services off the event loop; every error leaves as an RFC 9457 problem document.
 */
@NullMarked
package io.pactum.http;

import org.jspecify.annotations.NullMarked;
