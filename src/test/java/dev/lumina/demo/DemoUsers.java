package dev.lumina.demo;

import dev.lumina.auth.Current;
import dev.lumina.auth.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A service of the application that needs to know who is calling: an {@code @ApplicationScoped} bean that
 * injects {@code @Current Session} and reads it on every call, the way any bean does. Called by
 * {@link DemoPageResource} for {@code GET /demo/whoami}.
 */
@ApplicationScoped
public class DemoUsers {
    @Inject
    @Current
    Session session;

    /** The user of the current request, or empty when the request is signed out. */
    public Optional<Me> whoAmI() {
        if (!session.isAuthenticated()) {
            return Optional.empty();
        }
        return Optional.of(new Me(session.subject(), session.name()));
    }

    /** What {@code /demo/whoami} tells: the session's subject and name. */
    public record Me(String subject, String name) {
    }
}
