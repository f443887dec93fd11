/**
 * What responses show. Each view names its members explicitly, so that token hashes, secret hashes
 * and sealed keys cannot reach a response by a domain record gaining a member.
 */
@NullMarked
package io.pactum.http.views;

import org.jspecify.annotations.NullMarked;
