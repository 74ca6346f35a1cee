package dev.lumina.auth.internal.session;

import dev.lumina.auth.Current;
import dev.lumina.auth.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/**
 * The request's session, set by the session filter; behind {@code @Inject @Current Session}. Never
 * {@code null}: anonymous unless the filter found a valid cookie.
 *
 * <p>The producer is {@code @RequestScoped}, so what is injected is a client proxy (allowed because
 * {@link Session} is an interface): a bean of any scope that injects it calls through to the session of the
 * request being served, never to the one it saw first. The filter sets the session before any resource or
 * application bean runs (it is pre-matching), so the first call of a request already sees it. Only a signed-in
 * request makes this bean; the filter tells it once ({@link #signedIn}).
 */
@RequestScoped
public class CurrentSession {
    private SignedInRequest signedIn;

    /** The request is signed in: its session and what goes with it. */
    public void signedIn(SignedInRequest request) {
        this.signedIn = request;
    }

    public Session get() {
        return signedIn == null ? Session.anonymous() : signedIn.session();
    }

    /** The request's {@code Cookie} headers; empty when it is not signed in (nothing else of Lumina's is read then). */
    public List<String> cookieHeaders() {
        return signedIn == null ? List.of() : signedIn.cookieHeaders();
    }

    public boolean secure() {
        return signedIn != null && signedIn.secure();
    }

    /** A {@code Set-Cookie} value the response must carry; only a signed-in request has any. */
    public void respondWith(List<String> setCookies) {
        if (signedIn != null) {
            signedIn.respondWith(setCookies);
        }
    }

    /** The session was ended during the request (a refused token refresh, when so configured): no renewal. */
    public void end() {
        if (signedIn != null) {
            signedIn.end();
        }
    }

    public boolean ended() {
        return signedIn != null && signedIn.ended();
    }

    @Produces
    @Current
    @RequestScoped
    Session current() {
        return get();
    }
}
