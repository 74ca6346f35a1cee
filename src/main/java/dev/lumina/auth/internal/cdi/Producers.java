package dev.lumina.auth.internal.cdi;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.flow.FlowCookies;
import dev.lumina.auth.internal.flow.KeptTokensCookies;
import dev.lumina.auth.internal.flow.TokenRefresh;
import dev.lumina.auth.internal.oauth.OAuthProviders;
import dev.lumina.auth.internal.session.ProviderTokensSeal;
import dev.lumina.auth.internal.flow.FlowSeal;
import dev.lumina.auth.internal.flow.LogoutHints;
import dev.lumina.auth.internal.flow.OAuthCallback;
import dev.lumina.auth.internal.flow.OAuthSignIn;
import dev.lumina.auth.internal.flow.RedirectValidator;
import dev.lumina.auth.internal.flow.SignOutSeal;
import dev.lumina.auth.internal.revocation.RevocationStores;
import dev.lumina.auth.internal.revocation.SessionRevocations;
import dev.lumina.auth.internal.session.CsrfTokens;
import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.KeyRing;
import dev.lumina.auth.internal.session.SessionIssuer;
import dev.lumina.auth.spi.RevocationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/** Builds the library's immutable collaborators once from the {@link AuthConfig}. */
@ApplicationScoped
public class Producers {

    @Produces
    @Singleton
    KeyRing keyRing(AuthConfig config) {
        return KeyRing.of(config.secrets());
    }

    @Produces
    @Singleton
    JoseTokens joseTokens(KeyRing keys, AuthConfig config) {
        return new JoseTokens(keys, config.clockSkew(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    CsrfTokens csrfTokens(KeyRing keys) {
        return new CsrfTokens(keys);
    }

    @Produces
    @Singleton
    SessionIssuer sessionIssuer(AuthConfig config) {
        return new SessionIssuer(config, Clock.systemUTC());
    }

    /** The configured store, unless the application has an {@code @Alternative} of its own. */
    @Produces
    @Singleton
    RevocationStore revocationStore(AuthConfig config) {
        return RevocationStores.create(config, Clock.systemUTC());
    }

    void closeRevocationStore(@Disposes RevocationStore store) {
        RevocationStores.close(store);
    }

    /** Also the application's {@link dev.lumina.auth.Revocations}. */
    @Produces
    @Singleton
    SessionRevocations revocations(RevocationStore store, AuthConfig config) {
        return new SessionRevocations(store, config, Clock.systemUTC());
    }

    @Produces
    @Singleton
    RedirectValidator redirectValidator(AuthConfig config) {
        Set<String> origins = new HashSet<>(config.allowedOrigins());
        config.baseUrl().ifPresent(u -> origins.add(u.getScheme() + "://" + u.getRawAuthority()));
        return new RedirectValidator(origins);
    }

    @Produces
    @Singleton
    FlowSeal flowSeal(JoseTokens tokens, AuthConfig config) {
        return new FlowSeal(tokens, config.flowMaxAge(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    FlowCookies flowCookies(FlowSeal seal) {
        return new FlowCookies(seal);
    }

    @Produces
    @Singleton
    LogoutHints logoutHints(JoseTokens tokens, AuthConfig config) {
        return new LogoutHints(tokens, config.sessionAbsoluteMaxAge(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    SignOutSeal signOutSeal(JoseTokens tokens, AuthConfig config) {
        return new SignOutSeal(tokens, config.flowMaxAge(), Clock.systemUTC());
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

    @Produces
    @Singleton
    ProviderTokensSeal providerTokensSeal(JoseTokens tokens) {
        return new ProviderTokensSeal(tokens, Clock.systemUTC());
    }

    @Produces
    @Singleton
    KeptTokensCookies keptTokensCookies(AuthConfig config, OAuthProviders providers, ProviderTokensSeal seal, SessionIssuer issuer) {
        return new KeptTokensCookies(config, providers, seal, issuer, Clock.systemUTC());
    }

    /** The one node-wide single flight of refreshes; the network call is the provider's own. */
    @Produces
    @Singleton
    TokenRefresh tokenRefresh(OAuthProviders providers) {
        return new TokenRefresh(Clock.systemUTC(), (id, refreshToken) -> providers.find(id)
                .orElseThrow(() -> new AuthException(AuthError.TOKEN_REFRESH_FAILED, "provider " + id + " is no longer configured"))
                .refresh(refreshToken));
    }
}
