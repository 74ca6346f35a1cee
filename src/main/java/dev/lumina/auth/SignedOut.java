package dev.lumina.auth;

import java.util.Objects;

/**
 * Fired when a session ended before its time, with the reason:
 * <ul>
 * <li>{@link Reason#USER}: {@code POST <base>/signout} cleared the session cookie. The session's id is revoked
 *     too, so a copy of its token taken before stops working on every node sharing the revocation store.</li>
 * <li>{@link Reason#REVOKED}: a request brought a session that was revoked ({@link Revocations}, a sign-out
 *     elsewhere, the provider's back-channel logout); the request went on anonymous and its cookie was cleared.
 *     {@link AuthFailed} with {@code session_revoked} fires as well.</li>
 * </ul>
 *
 * <pre>{@code
 * void onSignOut(@Observes SignedOut event) { audit.ended(event.session().subject(), event.reason()); }
 * }</pre>
 *
 * @param session the session that ended ({@link Session#anonymous()} for a sign-out without a session)
 * @param reason  why it ended
 */
public record SignedOut(Session session, Reason reason) {

    /** Why a session ended. */
    public enum Reason {
        /** The user signed out. */
        USER,
        /** The session was revoked, and a request that carried it was refused. */
        REVOKED
    }

    public SignedOut {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(reason, "reason");
    }

    /** A sign-out by the user. */
    public SignedOut(Session session) {
        this(session, Reason.USER);
    }
}
