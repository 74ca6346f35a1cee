package dev.lumina.sample;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import dev.lumina.auth.Current;
import dev.lumina.auth.Session;

/** An EJB that injects the session, as a business layer would. Pooled instances serve any caller. */
@Stateless
public class Auditor {

    @Inject
    @Current
    Session session;

    public String who() {
        return session.isAuthenticated() ? session.email() : "anonymous";
    }
}
