package io.pactum.core.security;

/**
 * Authenticated encryption of secrets kept at rest (device MAC keys). The context binds a
 * ciphertext to its owner, so a sealed key copied onto another device's row does not open.
 */
public interface SecretBox {
    byte[] seal(byte[] plaintext, byte[] context);

    /** Opens a sealed value; throws {@link IllegalArgumentException} if it was altered or sealed for another context. */
    byte[] open(byte[] sealed, byte[] context);
}
