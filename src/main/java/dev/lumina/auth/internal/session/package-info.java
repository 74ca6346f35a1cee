/**
 * The session and the library's own tokens: keys derived per purpose from the secrets (HKDF), signing and
 * sealing with jose4j, the default {@link dev.lumina.auth.spi.SessionCodec}, sliding renewal, CSRF tokens,
 * and the request-scoped current session behind {@code @Current Session}.
 */
package dev.lumina.auth.internal.session;
