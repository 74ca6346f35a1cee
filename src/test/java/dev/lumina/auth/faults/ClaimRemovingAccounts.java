package dev.lumina.auth.faults;

import dev.lumina.auth.ProfileReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A ProfileReceived observer that adds a claim and takes another away again with {@code null}. */
@ApplicationScoped
public class ClaimRemovingAccounts {
    void onProfile(@Observes ProfileReceived event) {
        event.claim("plan", "pro");
        event.claim("nickname", "al");
        event.claim("nickname", null);
    }
}
