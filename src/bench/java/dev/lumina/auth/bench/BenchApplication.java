package dev.lumina.auth.bench;

import dev.lumina.auth.CredentialsSubmitted;
import dev.lumina.auth.Profile;
import dev.lumina.auth.ProfileReceived;
import dev.lumina.auth.Session;
import dev.lumina.auth.testing.TestAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The application of the sign-in benchmarks: its observers decide like a real application's and keep nothing (the
 * tests' observers record every event for their assertions, which a memory benchmark would count as a leak).
 */
@ApplicationScoped
public class BenchApplication {
    void onCredentials(@Observes CredentialsSubmitted event) {
        TestAccounts.decide(event);
    }

    void onProfile(@Observes ProfileReceived event) {
        Profile p = event.profile();
        event.session(Session.builder().subject(p.provider() + ":" + p.subject()).email(p.email()).name(p.name()).build());
    }
}
