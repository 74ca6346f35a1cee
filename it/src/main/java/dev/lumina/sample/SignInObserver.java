package dev.lumina.sample;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.CredentialsSubmitted;
import dev.lumina.auth.Profile;
import dev.lumina.auth.ProfileReceived;
import dev.lumina.auth.Session;

/** How the sample decides who may sign in and what the session holds: the observers a Lumina user writes. */
@ApplicationScoped
public class SignInObserver {
    private static final Logger LOG = System.getLogger(SignInObserver.class.getName());

    @Inject
    UserDirectory users;

    void onCredentials(@Observes CredentialsSubmitted event) {
        users.check(event.field("email"), event.field("password"))
                .ifPresentOrElse(
                        u -> event.accept(Profile.of(SampleProviders.CREDENTIALS, u.id(), u.email(), u.name())),
                        event::reject);
    }

    void onProfile(@Observes ProfileReceived event) {
        UserDirectory.SignIn result = users.signIn(event.profile());
        if (result.refused()) {
            event.reject(result.refusal());
            return;
        }
        User u = result.user();
        event.session(Session.builder()
                .subject(u.id())
                .provider(event.profile().provider())
                .email(u.email())
                .name(u.name())
                .picture(u.picture())
                .roles(u.roles())
                .build());
    }

    void onFailure(@Observes AuthFailed event) {
        LOG.log(Level.INFO, "sign-in failed: {0} via {1} ({2})", event.error(), event.provider(), event.reason());
    }
}
