package dev.lumina.auth.internal.session;

import dev.lumina.auth.Current;
import dev.lumina.auth.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The request's session, set by the session filter; behind {@code @Inject @Current Session}. Never
 * {@code null}: anonymous unless the filter found a valid cookie.
 *
 * <p>The producer is {@code @RequestScoped}, so what is injected is a client proxy (allowed because
 * {@link Session} is an interface): a bean of any scope that injects it calls through to the session of the
 * request being served, never to the one it saw first. The filter sets the session before any resource or
 * application bean runs (it is pre-matching), so the first call of a request already sees it.
 *
 * <p>Made only when something asks: it finds what the filter left on the request being served
 * ({@link SignedInRequests}), so a request that never asks costs no bean of this scope (making one and
 * destroying it was a fifth of what a signed-in request cost Lumina). On a runtime where that cannot be found,
 * the filter tells each signed-in request's bean itself ({@link #signedIn}).
 */
@RequestScoped
public class CurrentSession {
    @Inject
    SignedInRequests requests;

    private SignedInRequest signedIn;

    /** The request is signed in: its session and what goes with it. */
    public void signedIn(SignedInRequest request) {
        this.signedIn = request;
    }

    /** What the filter found; looked up until found (once found, it is this request's for good). */
    private SignedInRequest found() {
        SignedInRequest known = signedIn;
        if (known == null) {
            known = requests.current();
            signedIn = known;
        }
        return known;
    }

    public Session get() {
        SignedInRequest found = found();
        return found == null ? Session.anonymous() : found.session();
    }

    /** The request's {@code Cookie} headers; empty when it is not signed in (nothing else of Lumina's is read then). */
    public List<String> cookieHeaders() {
        SignedInRequest found = found();
        return found == null ? List.of() : found.cookieHeaders();
    }

    public boolean secure() {
        SignedInRequest found = found();
        return found != null && found.secure();
    }

    /** A {@code Set-Cookie} value the response must carry; only a signed-in request has any. */
    public void respondWith(List<String> setCookies) {
        SignedInRequest found = found();
        if (found != null) {
            found.respondWith(setCookies);
        }
    }

    /** The session was ended during the request (a refused token refresh, when so configured): no renewal. */
    public void end() {
        SignedInRequest found = found();
        if (found != null) {
            found.end();
        }
    }

    public boolean ended() {
        SignedInRequest found = found();
        return found != null && found.ended();
    }

    @Produces
    @Current
    @RequestScoped
    Session current() {
        return get();
    }
}
