package dev.lumina.auth.internal.session;

import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Stamps sessions with their times: a fresh id and times at sign-in, and sliding renewal that never goes
 * past the absolute limit counted from sign-in.
 */
public final class SessionIssuer {
    private final Duration maxAge;
    private final Duration absoluteMaxAge;
    private final Duration updateAge;
    private final Clock clock;

    public SessionIssuer(AuthConfig config, Clock clock) {
        this.maxAge = config.sessionMaxAge();
        this.absoluteMaxAge = config.sessionAbsoluteMaxAge();
        this.updateAge = config.sessionUpdateAge();
        this.clock = clock;
    }

    /**
     * A new session for a sign-in: new id, {@code authenticatedAt = issuedAt = now}. Nothing of any earlier
     * session survives, only what the application put in {@code session}.
     */
    public Session issue(Session session) {
        Instant now = now();
        return session.toBuilder()
                .id(RandomTokens.next(16))
                .authenticatedAt(now)
                .issuedAt(now)
                .expiresAt(earliest(now.plus(maxAge), now.plus(absoluteMaxAge)))
                .build();
    }

    /** {@code true} when the session is older than the absolute limit (whatever its {@code exp} says). */
    public boolean pastAbsoluteLimit(Session session) {
        Instant authTime = session.authenticatedAt() != null ? session.authenticatedAt() : session.issuedAt();
        return authTime == null || !now().isBefore(authTime.plus(absoluteMaxAge));
    }

    /**
     * The renewed session when it is due ({@code issuedAt} older than the update age) and still within its
     * absolute limit; empty otherwise.
     */
    public Optional<Session> renewal(Session session) {
        Instant now = now();
        if (session.issuedAt() == null || now.isBefore(session.issuedAt().plus(updateAge))) {
            return Optional.empty();
        }
        Instant limit = session.authenticatedAt().plus(absoluteMaxAge);
        Instant expires = earliest(now.plus(maxAge), limit);
        if (!expires.isAfter(now) || !expires.isAfter(session.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(session.toBuilder().issuedAt(now).expiresAt(expires).build());
    }

    /** When the session ends whatever its renewals: its sign-in plus the absolute lifetime. */
    public Instant absoluteLimit(Session session) {
        Instant authTime = session.authenticatedAt() != null ? session.authenticatedAt() : session.issuedAt();
        return authTime.plus(absoluteMaxAge);
    }

    /** Seconds until the session expires, for the cookie's Max-Age. */
    public long secondsLeft(Session session) {
        return Math.max(0, Duration.between(now(), session.expiresAt()).getSeconds());
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
