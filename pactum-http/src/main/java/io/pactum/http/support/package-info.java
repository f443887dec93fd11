/** What every route shares: JSON mapping, body decoding, authentication, replies and problem documents. */
@NullMarked
package io.pactum.http.support;

import org.jspecify.annotations.NullMarked;
