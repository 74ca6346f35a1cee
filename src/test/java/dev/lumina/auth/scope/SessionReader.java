package dev.lumina.auth.scope;

import dev.lumina.auth.Current;
import dev.lumina.auth.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An application-scoped service that injects the session, as applications write services. */
@ApplicationScoped
public class SessionReader {
    @Inject
    @Current
    Session session;

    public String who() {
        return session.isAuthenticated() ? session.subject() : "anonymous";
    }

    public Session keep() {
        return session.snapshot();
    }
}
