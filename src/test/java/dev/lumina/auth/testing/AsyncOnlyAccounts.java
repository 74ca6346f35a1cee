package dev.lumina.auth.testing;

import dev.lumina.auth.CredentialsSubmitted;
import dev.lumina.auth.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

/** A mistaken application: its credentials observer is asynchronous, so it can never answer in time. */
@ApplicationScoped
public class AsyncOnlyAccounts {
    void onCredentials(@ObservesAsync CredentialsSubmitted event) {
        event.accept(Profile.of("credentials", "anyone", null, null));
    }
}
