package dev.lumina.auth.internal.cdi;

import dev.lumina.auth.Current;
import dev.lumina.auth.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The request's session, set by the session filter; behind {@code @Inject @Current Session}. Never
 * {@code null}: anonymous until the filter finds a valid cookie.
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
    Session current() {
        return session;
    }
}
