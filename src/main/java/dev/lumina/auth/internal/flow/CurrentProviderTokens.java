package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.Current;
import dev.lumina.auth.ProviderTokens;
import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.TokenPolicy;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.internal.oauth.TokenResponse;
import dev.lumina.auth.internal.session.CurrentSession;
import dev.lumina.auth.internal.session.KeptTokens;
import dev.lumina.auth.internal.session.ProviderTokensSeal;
import dev.lumina.auth.internal.web.CookieChunks;
import dev.lumina.auth.internal.web.CookieNames;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code @Inject @Current ProviderTokens}: the tokens cookie of the current request, opened on the first call
 * (a request that never asks costs nothing), believed only for the session it was written for. Refreshes through
 * {@link TokenRefresh} when the access token expires within the margin, at most once per request, and hands the
 * new cookie to the session filter's response side. Not on the request path: only application code calls it.
 */
@RequestScoped
@Current
public class CurrentProviderTokens implements ProviderTokens {
    private static final LuminaLog LOG = LuminaLog.of(CurrentProviderTokens.class);

    @Inject
    CurrentSession current;
    @Inject
    ProviderTokensSeal seal;
    @Inject
    TokenRefresh refresh;
    @Inject
    KeptTokensCookies cookies;
    @Inject
    AuthConfig config;
    @Inject
    AuthEvents events;

    private boolean loaded;
    private boolean refreshed;
    private KeptTokens kept;
    private Set<String> sent = Set.of();

    @Override
    public boolean isPresent() {
        return load() != null;
    }

    @Override
    public Optional<String> provider() {
        return Optional.ofNullable(load()).map(KeptTokens::provider);
    }

    @Override
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(load()).map(KeptTokens::expiresAt);
    }

    @Override
    public List<String> scopes() {
        return load() == null ? List.of() : kept.scopes();
    }

    @Override
    public boolean canRefresh() {
        return load() != null && kept.refreshToken() != null;
    }

    @Override
    public String accessToken() {
        if (load() == null) {
            throw new AuthException(AuthError.UNAUTHENTICATED, "no provider tokens kept for this request's session");
        }
        Instant due = refresh.clock().instant().plus(config.tokens().refreshMargin());
        if (refreshed || kept.expiresAt() == null || kept.expiresAt().isAfter(due)) {
            return kept.accessToken();
        }
        if (kept.refreshToken() == null) {
            throw refused(new AuthException(AuthError.TOKEN_REFRESH_FAILED, "the access token expires and there is no refresh token"), true);
        }
        TokenRefresh.Shared shared = refresh.refresh(kept.provider(), kept.refreshToken());
        if (shared.failure() != null) {
            if (shared.failure().error() == AuthError.TOKEN_REFRESH_FAILED) {
                throw refused(shared.failure(), shared.led());
            }
            if (shared.led()) {
                LOG.log(LogMessage.TOKENS_REFRESH_UNAVAILABLE, kept.provider(), shared.failure().getMessage());
            }
            throw shared.failure();
        }
        TokenResponse r = shared.response();
        if (shared.led()) {
            LOG.log(LogMessage.TOKENS_REFRESHED, kept.provider(), r.refreshToken() != null ? "rotated" : "kept");
        }
        kept = kept.refreshed(r.accessToken(), r.expiresAt(), KeptTokensCookies.split(r.scope()), r.refreshToken());
        refreshed = true;
        try {
            current.respondWith(cookies.write(kept, current.secure(), sent));
        } catch (AuthException e) {
            LOG.log(LogMessage.TOKENS_COOKIE_NOT_WRITTEN, kept.provider(), e.getMessage());
        }
        return kept.accessToken();
    }

    /** A refused refresh: the tokens go, and the session too when so configured; {@code AuthFailed} once. */
    private AuthException refused(AuthException e, boolean led) {
        String provider = kept.provider();
        kept = null;
        boolean signOut = config.tokens().onRefreshFailure() == TokenPolicy.OnRefreshFailure.SIGN_OUT;
        current.respondWith(cookies.clear(current.secure(), sent));
        if (signOut) {
            String session = CookieNames.SESSION.name(current.secure());
            current.respondWith(CookieChunks.clear(CookieNames.SESSION, current.secure(),
                    CookieChunks.read(current.cookieHeaders(), session).names()));
            current.end();
        }
        if (led) {
            LOG.log(LogMessage.TOKENS_REFRESH_REFUSED, provider, e.getMessage(), signOut ? "ends" : "goes on without provider tokens");
            events.failed(new AuthFailed(AuthError.TOKEN_REFRESH_FAILED, provider, e.getMessage(), null, e));
        }
        return new AuthException(AuthError.TOKEN_REFRESH_FAILED, e.getMessage(), e);
    }

    private KeptTokens load() {
        if (loaded) {
            return kept;
        }
        loaded = true;
        Session session = current.get();
        if (!session.isAuthenticated() || current.ended()) {
            return null;
        }
        CookieChunks.Read read = CookieChunks.read(current.cookieHeaders(), CookieNames.TOKENS.name(current.secure()));
        sent = read.names();
        if (read.absent()) {
            return null;
        }
        String problem = read.problem();
        if (problem == null) {
            try {
                KeptTokens k = seal.open(read.value());
                if (k.sessionId().equals(session.id())) {
                    kept = k;
                    return kept;
                }
                problem = "written for another session";
            } catch (AuthException e) {
                problem = e.getMessage();
            }
        }
        LOG.log(LogMessage.TOKENS_COOKIE_IGNORED, problem);
        current.respondWith(cookies.clear(current.secure(), sent));
        return null;
    }
}
