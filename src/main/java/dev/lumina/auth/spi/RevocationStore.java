package dev.lumina.auth.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Where revocations live: "sessions matching this key issued at or before T are revoked". Lumina builds the
 * keys (a session id, a subject, a provider's session id or subject) and asks {@link #revokedUpTo(String)}
 * on every request that carries a session, so that call must answer from local memory and never touch the
 * network. Two implementations ship: one node in memory (the default) and a distributed one on any JCache
 * (JSR-107) provider. Replace it with a CDI alternative:
 *
 * <pre>{@code
 * @Alternative @Priority(1) @ApplicationScoped
 * public class MyRevocationStore implements RevocationStore { ... }
 * }</pre>
 *
 * Implementations are thread-safe. An entry may be forgotten after its {@code keepUntil}: by then every
 * session it could match has expired anyway, which keeps the store bounded.
 */
public interface RevocationStore {

    /**
     * Records that sessions matching {@code key} and issued at or before {@code upTo} are revoked. A later
     * {@code upTo} for the same key wins; an earlier one changes nothing.
     *
     * @param keepUntil when the entry may be dropped (the longest a matching session can still live)
     */
    void revoke(String key, Instant upTo, Instant keepUntil);

    /** The latest revocation recorded for {@code key}; answers from local memory, without network calls. */
    Optional<Instant> revokedUpTo(String key);

    /**
     * {@code true} only when no revocation is recorded at all (one-time keys of {@link #addIfAbsent} do not
     * count): the per-request check then builds no key and looks nothing up. The default, {@code false}, is
     * always correct, only slower.
     */
    default boolean isEmpty() {
        return false;
    }

    /**
     * Records {@code key} if it was not recorded yet, atomically across every node sharing the store: used
     * to refuse a replayed one-time token (a back-channel logout token's {@code jti}).
     *
     * @return {@code true} the first time, {@code false} when the key was already recorded
     */
    boolean addIfAbsent(String key, Instant keepUntil);
}
