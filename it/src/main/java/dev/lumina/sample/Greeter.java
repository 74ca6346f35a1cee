package dev.lumina.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.lumina.auth.Current;
import dev.lumina.auth.Session;

/** An application-scoped service that injects the session: one instance, every user's requests. */
@ApplicationScoped
public class Greeter {

    @Inject
    @Current
    Session session;

    public String who() {
        return session.isAuthenticated() ? session.email() : "anonymous";
    }
}
