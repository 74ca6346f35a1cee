package dev.lumina.auth.testing;

import dev.lumina.auth.Profile;
import dev.lumina.auth.ProfileReceived;
import dev.lumina.auth.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** An application's ProfileReceived observer whose decision a test sets; records every profile it saw. */
@ApplicationScoped
public class ProfileDecider {
    private final List<Profile> seen = new CopyOnWriteArrayList<>();
    private volatile Consumer<ProfileReceived> decision = e -> { };

    void onProfile(@Observes ProfileReceived event) {
        seen.add(event.profile());
        decision.accept(event);
    }

    /** What the observer does from now on (nothing by default: the default session is issued). */
    public void decide(Consumer<ProfileReceived> decision) {
        this.decision = decision;
    }

    public void reset() {
        seen.clear();
        decision = e -> { };
    }

    public List<Profile> seen() {
        return seen;
    }

    /** An application that links accounts by verified email only (S47). */
    public static void linkVerifiedEmailOnly(ProfileReceived e) {
        Profile p = e.profile();
        if (p.email() != null && p.emailVerified()) {
            e.session(Session.builder().subject("user:" + p.email()).email(p.email()).build());
        } else {
            e.reject("email_not_verified");
        }
    }
}
