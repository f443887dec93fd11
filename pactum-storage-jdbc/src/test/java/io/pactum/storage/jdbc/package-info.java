@NullMarked
package io.pactum.storage.jdbc;

import org.jspecify.annotations.NullMarked;
