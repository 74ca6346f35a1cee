package dev.lumina.auth.testing;

import dev.lumina.auth.CredentialsSubmitted;
import dev.lumina.auth.Profile;
import dev.lumina.auth.ProfileReceived;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Application observers that fail: {@code boom} makes the CredentialsSubmitted observer throw, {@code bob} is
 * accepted but then the ProfileReceived observer throws. Their messages hold a "secret" that must never
 * reach a browser. Runs after {@link TestAccounts} (which refuses both), so its decision stands.
 */
@ApplicationScoped
public class ExplodingAccounts {
    public static final String SECRET_DETAIL = "db-password=hunter2";

    void onCredentials(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) CredentialsSubmitted event) {
        if ("boom".equals(event.field("username"))) {
            throw new IllegalStateException("lookup failed: " + SECRET_DETAIL);
        }
        if ("bob".equals(event.field("username"))) {
            event.accept(Profile.of("credentials", "explode-later", "bob@example.com", "Bob"));
        }
    }

    void onProfile(@Observes ProfileReceived event) {
        if ("explode-later".equals(event.profile().subject())) {
            throw new IllegalArgumentException("mapping failed: " + SECRET_DETAIL);
        }
    }
}
