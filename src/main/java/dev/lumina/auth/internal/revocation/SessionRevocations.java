package dev.lumina.auth.internal.revocation;

import dev.lumina.auth.Revocations;
import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.spi.RevocationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The application's {@link Revocations} and the check the session filter makes on every request.
 *
 * <p>A session is revoked when an entry for its id, its subject, its provider session ({@code sid}) or its
 * provider subject was recorded at or after the session's <em>sign-in</em> ({@link Session#authenticatedAt()}).
 * Not its {@code iat}: a renewal re-stamps {@code iat}, and a session renewed on a node that had not heard of the
 * revocation yet must not escape it. Sign-in times are whole seconds, so a sign-in in the very second of a
 * "revoke subject" counts as before it (refused: safe, and the user signs in again).
 *
 * <p>Entries are kept for the absolute session lifetime plus the clock skew: by then every session they can
 * match has expired, which keeps the store bounded. With no entry at all the check is one call to
 * {@link RevocationStore#isEmpty()} (a field read for the stores that ship).
 */
public final class SessionRevocations implements Revocations {
    private static final LuminaLog LOG = LuminaLog.of(SessionRevocations.class);
    private final RevocationStore store;
    private final Clock clock;
    private final Duration keep;

    public SessionRevocations(RevocationStore store, AuthConfig config, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.keep = config.sessionAbsoluteMaxAge().plus(config.clockSkew());
    }

    @Override
    public void revokeSession(String sessionId) {
        record(RevocationKeys.session(require(sessionId, "sessionId")), "a session (application)", null);
    }

    @Override
    public void revokeSubject(String subject) {
        record(RevocationKeys.subject(require(subject, "subject")), "every session of subject '" + subject + "' (application)", null);
    }

    /** A sign-out: copies of this session's token stop working; kept only as long as the session could live. */
    public void revoke(Session session) {
        if (session.isAuthenticated() && session.id() != null) {
            record(RevocationKeys.session(session.id()), null, signedIn(session)); // SignedOut says it; no log line per sign-out
        }
    }

    /** Back-channel logout: every session signed in through that provider session. */
    public void revokeProviderSession(String provider, String providerSessionId) {
        record(RevocationKeys.providerSession(provider, providerSessionId), "the sessions of a session of provider " + provider, null);
    }

    /** Back-channel logout: every session of that provider subject. */
    public void revokeProviderSubject(String provider, String providerSubject) {
        record(RevocationKeys.providerSubject(provider, providerSubject), "the sessions of a subject of provider " + provider, null);
    }

    /** {@code true} the first time a logout token's {@code jti} is seen (on any node sharing the store). */
    public boolean firstUse(String provider, String jti, Instant keepUntil) {
        return store.addIfAbsent(RevocationKeys.logoutToken(provider, jti), keepUntil);
    }

    /**
     * What revoked the session ({@code "session"}, {@code "subject"}, {@code "provider session"},
     * {@code "provider subject"}), or {@code null} when it is not revoked: the check of every request.
     */
    public String revokedBy(Session s) {
        if (store.isEmpty()) {
            return null; // nothing recorded anywhere: no key is built, nothing is looked up
        }
        Instant signedIn = signedIn(s);
        if (signedIn == null) {
            return null;
        }
        if (s.id() != null && covers(RevocationKeys.session(s.id()), signedIn)) {
            return "session";
        }
        if (covers(RevocationKeys.subject(s.subject()), signedIn)) {
            return "subject";
        }
        if (s.provider() != null && s.providerSessionId() != null
                && covers(RevocationKeys.providerSession(s.provider(), s.providerSessionId()), signedIn)) {
            return "provider session";
        }
        if (s.provider() != null && s.providerSubject() != null
                && covers(RevocationKeys.providerSubject(s.provider(), s.providerSubject()), signedIn)) {
            return "provider subject";
        }
        return null;
    }

    private boolean covers(String key, Instant signedIn) {
        Optional<Instant> upTo = store.revokedUpTo(key);
        return upTo.isPresent() && !upTo.get().isBefore(signedIn);
    }

    private void record(String key, String what, Instant signedIn) {
        Instant now = clock.instant();
        Instant keepUntil = (signedIn != null ? signedIn : now).plus(keep);
        store.revoke(key, now, keepUntil.isAfter(now) ? keepUntil : now.plus(keep));
        if (what != null) {
            LOG.log(LogMessage.REVOCATION_RECORDED, what);
        }
    }

    private static Instant signedIn(Session s) {
        return s.authenticatedAt() != null ? s.authenticatedAt() : s.issuedAt();
    }

    private static String require(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
