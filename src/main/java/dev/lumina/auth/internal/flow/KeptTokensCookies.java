package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthException;
import dev.lumina.auth.Profile;
import dev.lumina.auth.Session;
import dev.lumina.auth.TokenSet;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.internal.oauth.OAuthProvider;
import dev.lumina.auth.internal.oauth.OAuthProviders;
import dev.lumina.auth.internal.session.KeptTokens;
import dev.lumina.auth.internal.session.ProviderTokensSeal;
import dev.lumina.auth.internal.session.SessionIssuer;
import dev.lumina.auth.internal.web.CookieChunks;
import dev.lumina.auth.internal.web.CookieNames;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The tokens cookie ({@code lumina.tokens}): written at sign-in for a provider with {@code keep-tokens}, cleared at
 * every other sign-in and at sign-out, rewritten after a refresh. It lives as long as the session can (its absolute
 * limit) and holds the session's id, so it never serves another session.
 */
public final class KeptTokensCookies {
    private static final LuminaLog LOG = LuminaLog.of(KeptTokensCookies.class);

    private final AuthConfig config;
    private final OAuthProviders providers;
    private final ProviderTokensSeal seal;
    private final SessionIssuer issuer;
    private final Clock clock;

    public KeptTokensCookies(AuthConfig config, OAuthProviders providers, ProviderTokensSeal seal, SessionIssuer issuer, Clock clock) {
        this.config = config;
        this.providers = providers;
        this.seal = seal;
        this.issuer = issuer;
        this.clock = clock;
    }

    /**
     * (9) The tokens cookie of a new session: the provider's tokens when it keeps them, else the clearing of any
     * tokens cookie of an earlier sign-in.
     *
     * @param sent the cookie names the request carried
     */
    public List<String> atSignIn(Session session, Profile profile, boolean secure, Collection<String> sent) {
        boolean keep = config.provider(profile.provider()).map(ProviderConfig::keepTokens).orElse(false);
        TokenSet t = profile.tokens().orElse(null);
        if (!keep || t == null || t.accessToken() == null) {
            return clear(secure, sent);
        }
        List<String> scopes = t.scope() != null ? split(t.scope())
                : providers.find(profile.provider()).map(OAuthProvider::scopes).orElse(List.of());
        KeptTokens kept = new KeptTokens(profile.provider(), session.id(), t.accessToken(), t.expiresAt(), scopes,
                t.refreshToken(), issuer.absoluteLimit(session));
        try {
            return write(kept, secure, sent);
        } catch (AuthException e) {
            LOG.log(LogMessage.TOKENS_NOT_KEPT, profile.provider(), e.getMessage());
            return clear(secure, sent);
        }
    }

    /**
     * The cookie for {@code kept}.
     *
     * @throws AuthException {@code server_error} when the sealed tokens need more chunks than a cookie may have
     */
    public List<String> write(KeptTokens kept, boolean secure, Collection<String> sent) {
        Duration maxAge = Duration.between(clock.instant(), kept.notAfter());
        return CookieChunks.write(CookieNames.TOKENS, seal.seal(kept), maxAge, secure, sent);
    }

    /** Clears what the request carried of the tokens cookie. */
    public List<String> clear(boolean secure, Collection<String> sent) {
        return CookieChunks.clearSent(CookieNames.TOKENS, secure, sent);
    }

    /** Scopes as a token answer lists them (space-separated; a comma-separated list from GitHub too). */
    static List<String> split(String scope) {
        return scope == null ? List.of() : Arrays.stream(scope.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    }
}
