package dev.lumina.auth.testing;

import dev.lumina.auth.ProfileReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

/** A mistaken application: its profile observer is asynchronous, so it can neither refuse nor set a session. */
@ApplicationScoped
public class AsyncProfileAccounts {
    void onProfile(@ObservesAsync ProfileReceived event) {
        event.reject("never_heard");
    }
}
