/**
 * The session and the library's own tokens: keys derived per purpose from the secrets (HKDF), signing and
 * sealing with smallrye-jwt's builder, reading back with the JDK's HMAC and AES-GCM and JSON-P ({@code CompactTokens}), the default {@link dev.lumina.auth.spi.SessionCodec}, sliding renewal, CSRF tokens,
 * and the request-scoped current session behind {@code @Current Session}.
 */
package dev.lumina.auth.internal.session;
