package dev.lumina.demo;

import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.Profile;
import dev.lumina.auth.ProfileReceived;
import dev.lumina.auth.Session;
import dev.lumina.auth.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** What an application writes: who may sign in and what the session holds. */
@ApplicationScoped
public class DemoAccounts {

    void onProfile(@Observes ProfileReceived event) {
        Profile p = event.profile();
        event.session(Session.builder()
                .subject(p.provider() + ":" + p.subject())     // identity = provider + subject, never the email
                .email(p.emailVerified() ? p.email() : null)
                .name(p.name() != null ? p.name() : p.subject())
                .picture(p.picture())
                .roles("user")
                .build());
    }

    void onSignIn(@Observes SignedIn event) {
        System.out.println("signed in: " + event.session().subject() + " via " + event.provider());
    }

    void onFailure(@Observes AuthFailed event) {
        System.out.println("sign-in failed: " + event.error() + " via " + event.provider());
    }
}
