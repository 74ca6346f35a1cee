package dev.lumina.auth.internal.cdi;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.flow.FlowSeal;
import dev.lumina.auth.internal.flow.OAuthCallback;
import dev.lumina.auth.internal.flow.OAuthSignIn;
import dev.lumina.auth.internal.session.JoseTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the sign-in flow's immutable steps once from the {@link AuthConfig}. */
@ApplicationScoped
public class FlowProducers {

    @Produces
    @Singleton
    FlowSeal flowSeal(JoseTokens tokens, AuthConfig config) {
        return new FlowSeal(tokens, config.flowMaxAge(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    OAuthSignIn oauthSignIn(FlowSeal seal) {
        return new OAuthSignIn(seal);
    }

    @Produces
    @Singleton
    OAuthCallback oauthCallback(FlowSeal seal) {
        return new OAuthCallback(seal);
    }
}
