package dev.lumina.auth;

/**
 * Fired when {@code POST /auth/signout} cleared the session cookie. The session is the one the request
 * carried ({@link Session#anonymous()} when there was none): a stateless token stays valid until it
 * expires, so an application that must revoke it keeps {@link Session#id()} in a deny-list here.
 *
 * <pre>{@code
 * void onSignOut(@Observes SignedOut event) { audit.signOut(event.session().subject()); }
 * }</pre>
 *
 * @param session the session that was signed out
 */
public record SignedOut(Session session) {
}
