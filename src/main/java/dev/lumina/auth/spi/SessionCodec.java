package dev.lumina.auth.spi;

import dev.lumina.auth.AuthException;
import dev.lumina.auth.Session;

/**
 * Turns a {@link Session} into the value of the session cookie and back. The default encodes a JWT signed
 * with HS256 (or encrypted with {@code dir} + {@code A256GCM} when {@code lumina.auth.session.encrypt=true})
 * under a key derived from {@code lumina.auth.secret}. Replace it with a CDI alternative:
 *
 * <pre>{@code
 * @Alternative @Priority(1) @ApplicationScoped
 * public class VaultSessionCodec implements SessionCodec { ... }
 * }</pre>
 *
 * An implementation must be thread-safe, must reject every token it did not issue, and must reject a
 * token whose {@link Session#expiresAt()} has passed.
 */
public interface SessionCodec {

    /**
     * Encodes a complete session: {@link Session#id()}, {@link Session#issuedAt()},
     * {@link Session#expiresAt()} and {@link Session#authenticatedAt()} are set by the caller.
     */
    String encode(Session session);

    /**
     * Decodes and verifies a cookie value.
     *
     * @throws AuthException with {@link dev.lumina.auth.AuthError#SESSION_INVALID} for any token that is
     *                       malformed, tampered, expired or signed with an unknown key
     */
    Session decode(String token);
}
