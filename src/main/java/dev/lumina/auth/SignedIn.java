package dev.lumina.auth;

/**
 * Fired after a sign-in succeeded and the session cookie is set, just before the browser is sent to its
 * success URL. For audit logs and "last seen" stamps; the sign-in can no longer be refused here.
 *
 * <pre>{@code
 * void onSignIn(@Observes SignedIn event) { audit.signIn(event.session().subject(), event.provider()); }
 * }</pre>
 *
 * @param session  the session that was issued
 * @param provider the provider id
 * @param profile  the provider's profile (with its tokens)
 */
public record SignedIn(Session session, String provider, Profile profile) {
}
