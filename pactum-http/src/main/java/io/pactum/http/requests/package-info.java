/**
 * Request bodies whose wire form differs from core's request records: defaults the API offers
 * (an agreement's rate limit), names of the API's own (a field's {@code transform}) and values the
 * API narrows (a consent's collection method). Each converts to the core record, which validates it;
 * every refusal names the offending member by its path in the body.
 */
@NullMarked
package io.pactum.http.requests;

import org.jspecify.annotations.NullMarked;
