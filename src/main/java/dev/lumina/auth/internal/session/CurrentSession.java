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
