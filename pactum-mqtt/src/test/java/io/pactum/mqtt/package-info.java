@NullMarked
package io.pactum.mqtt;

import org.jspecify.annotations.NullMarked;
