package dev.lumina.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fired (synchronously) when a provider or the application's {@link CredentialsSubmitted} observer has
 * identified the person signing in. Observers decide what the session holds, or refuse the sign-in. They
 * run in {@code @Priority} order; each sees what earlier ones decided.
 *
 * <pre>{@code
 * void onProfile(@Observes ProfileReceived event) {
 *     Profile p = event.profile();
 *     User u = users.findOrLink(p);                     // identity is provider + subject
 *     if (u == null) { event.reject("no_account"); return; }
 *     event.session(Session.builder().subject(u.id()).email(u.email()).roles(u.roles()).build());
 * }
 * }</pre>
 *
 * <ul>
 * <li>No observer sets a session: Lumina makes one from the profile (subject = provider:subject).</li>
 * <li>{@link #reject(String)}: the sign-in fails with {@code access_denied&reason=<reason>}.</li>
 * <li>An observer throws: the sign-in fails with {@code server_error}; no cookie is set.</li>
 * </ul>
 */
public final class ProfileReceived {
    private final Profile profile;
    private Session session;
    private final Map<String, Object> extraClaims = new LinkedHashMap<>();
    private String rejection;

    public ProfileReceived(Profile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    public Profile profile() {
        return profile;
    }

    /** Sets the session to issue. The library adds {@code exp}, {@code iat}, {@code jti}... itself. */
    public void session(Session session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The session set by an earlier observer, if any. */
    public Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    /**
     * Adds a claim to whatever session is finally issued (the one set, or the default one); {@code null}
     * removes it, as {@link Session.Builder#claim} does.
     *
     * @throws IllegalArgumentException for a reserved name or a value that is not a JSON value
     */
    public void claim(String name, Object value) {
        Session.builder().claim(name, value); // same rules as the builder: reserved names are refused
        extraClaims.put(name, value);
    }

    /** Refuses the sign-in; the failure URL gets {@code error=access_denied&reason=<reason>}. */
    public void reject(String reason) {
        this.rejection = reason == null || reason.isBlank() ? "rejected" : reason;
    }

    public boolean isRejected() {
        return rejection != null;
    }

    /** The reason given to {@link #reject(String)}, or {@code null}. */
    public String rejection() {
        return rejection;
    }

    /** The claims added with {@link #claim(String, Object)}, in order; a {@code null} value removes its claim. */
    public Map<String, Object> claims() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(extraClaims));
    }
}
