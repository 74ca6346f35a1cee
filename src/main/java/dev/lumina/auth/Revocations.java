package dev.lumina.auth;

/**
 * Ends sessions before they expire, on every node that shares the revocation store. Inject it into any
 * bean:
 *
 * <pre>{@code
 * @Inject Revocations revocations;
 *
 * void passwordChanged(String subject) { revocations.revokeSubject(subject); }  // "sign out everywhere"
 * }</pre>
 *
 * A revoked session is refused on its next request: the request goes on anonymous, the cookie is cleared
 * and {@link AuthFailed} reports {@code session_revoked}.
 */
public interface Revocations {

    /** Revokes one session, by its {@link Session#id()}. */
    void revokeSession(String sessionId);

    /** Revokes every session of {@link Session#subject()} issued up to now; later sign-ins are not affected. */
    void revokeSubject(String subject);
}
