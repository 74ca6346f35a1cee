package dev.lumina.sample;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Users who sign in with email and password, created when the application starts (the database is the
 * server's in-memory default datasource). A real application would have a registration form instead.
 */
@ApplicationScoped
public class SeedUsers {

    @Inject
    UserDirectory users;

    void seed(@Observes @Initialized(ApplicationScoped.class) Object started) {
        users.register("alice@example.com", "Alice Admin", "alice-password", Set.of("user", "admin"));
        users.register("carol@example.com", "Carol Credentials", "carol-password", Set.of("user"));
        users.register("dave@example.com", "Dave Credentials", "dave-password", Set.of("user"));
    }
}
