package dev.lumina.auth.internal.session;

import dev.lumina.auth.Current;
import dev.lumina.auth.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The request's session, set by the session filter; behind {@code @Inject @Current Session}. Never
 * {@code null}: anonymous until the filter finds a valid cookie.
 *
 * <p>The producer is {@code @RequestScoped}, so what is injected is a client proxy (allowed because
 * {@link Session} is an interface): a bean of any scope that injects it calls through to the session of the
 * request being served, never to the one it saw first. The filter sets the session before any resource or
 * application bean runs (it is pre-matching), so the first call of a request already sees it.
 */
@RequestScoped
public class CurrentSession {
    private Session session = Session.anonymous();
    private java.util.List<String> cookieHeaders;
    private boolean secure;
    private java.util.List<String> responseCookies;
    private boolean ended;

    /**
     * The request's {@code Cookie} headers as sent and whether its origin is secure, kept by reference for
     * whoever reads another of Lumina's cookies later in the request (the provider tokens, decoded only when
     * the application asks for them): the filter parses nothing more than the session cookie.
     */
    public void request(java.util.List<String> cookieHeaders, boolean secure) {
        this.cookieHeaders = cookieHeaders;
        this.secure = secure;
    }

    public java.util.List<String> cookieHeaders() {
        return cookieHeaders;
    }

    public boolean secure() {
        return secure;
    }

    /** A {@code Set-Cookie} value the response must carry (refreshed provider tokens, say). */
    public void respondWith(java.util.List<String> setCookies) {
        if (responseCookies == null) {
            responseCookies = new java.util.ArrayList<>(setCookies.size());
        }
        responseCookies.addAll(setCookies);
    }

    /** What {@link #respondWith} collected; empty for almost every request. */
    public java.util.List<String> responseCookies() {
        return responseCookies == null ? java.util.List.of() : responseCookies;
    }

    /** The session was ended during the request (a refused token refresh, when so configured): no renewal. */
    public void end() {
        this.ended = true;
    }

    public boolean ended() {
        return ended;
    }

    public Session get() {
        return session;
    }

    public void set(Session session) {
        this.session = session == null ? Session.anonymous() : session;
    }

    @Produces
    @Current
    @RequestScoped
    Session current() {
        return session;
    }
}
