package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.LogoutMode;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.internal.oauth.OAuthProvider;
import dev.lumina.auth.internal.oauth.OAuthProviders;
import dev.lumina.auth.internal.session.RandomTokens;
import dev.lumina.auth.internal.web.AuthRequest;
import dev.lumina.auth.internal.web.CookieNames;
import dev.lumina.auth.internal.web.Reply;
import dev.lumina.auth.internal.web.RequestFacts;
import dev.lumina.auth.internal.web.SetCookie;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-out at the provider, OpenID Connect RP-Initiated Logout 1.0:
 * <pre>
 * browser                          Lumina                                          provider
 *  (L1) POST signout provider=true ─> session and hint cookies cleared, SignedOut
 *                                     (L2) state (128 bits) sealed with the provider and the validated
 *                                          callbackUrl into the lumina.logout cookie
 *       <── 303 end_session_endpoint?id_token_hint&amp;client_id&amp;post_logout_redirect_uri&amp;state
 *  (L3) ────────────────────────────────────────────────────────────────────────> session ended
 *  (L4) GET signout/callback/{id}?state <──────────────────────────────────────── 302
 *                                     (L5) logout cookie opens, belongs to {id}, state equal; cookie cleared
 *       <── 303 callbackUrl             (or the error page with state_invalid)
 * </pre>
 * Whether a sign-out goes to the provider: the request's {@code provider} field ({@code true}/{@code false}),
 * else the provider's {@code logout} setting. The provider is the one of the logout hint bound to this session,
 * else the session's. Without an {@code end_session_endpoint} (or when discovery cannot be read) the sign-out
 * stays local and says so in the log. Discovery is read through its cache, never on the per-request path.
 */
@ApplicationScoped
public class ProviderSignOut {
    /** The sign-out field that asks for (or against) the sign-out at the provider. */
    public static final String PROVIDER_FIELD = "provider";
    static final int STATE_BYTES = 16;
    private static final LuminaLog LOG = LuminaLog.of(ProviderSignOut.class);

    @Inject
    AuthConfig config;
    @Inject
    OAuthProviders providers;
    @Inject
    LogoutHints hints;
    @Inject
    SignOutSeal seal;
    @Inject
    RedirectValidator redirects;
    @Inject
    PostChecks checks;
    @Inject
    AuthEvents events;

    /** Where the browser goes to end its session at the provider, and the cookie that remembers the state. */
    public record Away(URI url, String logoutCookie) {
        @Override
        public String toString() {
            return "Away[***]";
        }
    }

    /**
     * (L2) The way to the provider's {@code end_session_endpoint}; empty when the sign-out stays local.
     *
     * @param callbackUrl the validated URL to land on after the provider
     */
    public Optional<Away> start(AuthRequest request, Session session, String callbackUrl) {
        Optional<LogoutHints.Hint> hint = hints.of(request, session);
        String id = hint.map(LogoutHints.Hint::provider).orElse(session.isAuthenticated() ? session.provider() : null);
        Optional<ProviderConfig> configured = id == null ? Optional.empty() : config.provider(id);
        if (configured.isEmpty() || !wanted(request, configured.get())) {
            return Optional.empty();
        }
        Optional<URI> endpoint;
        try {
            endpoint = providers.find(id).flatMap(OAuthProvider::endSessionEndpoint);
        } catch (AuthException e) {
            LOG.log(LogMessage.END_SESSION_DISCOVERY_FAILED, id, e.error().code());
            return Optional.empty();
        }
        if (endpoint.isEmpty()) {
            LOG.log(LogMessage.NO_END_SESSION_ENDPOINT, id);
            return Optional.empty();
        }
        String state = RandomTokens.next(STATE_BYTES);
        Map<String, String> q = new LinkedHashMap<>();
        // section 2: id_token_hint RECOMMENDED; client_id lets the provider check post_logout_redirect_uri without it
        hint.filter(h -> h.provider().equals(id)).ifPresent(h -> q.put("id_token_hint", h.idToken()));
        q.put("client_id", configured.get().clientId());
        q.put("post_logout_redirect_uri", request.facts().endpointUrl("signout/callback/" + id).toString());
        q.put("state", state);
        String cookie = SetCookie.of(CookieNames.LOGOUT, seal.seal(new SignOutSeal.Pending(id, state, callbackUrl)),
                seal.maxAge(), request.facts().secure());
        return Optional.of(new Away(withQuery(endpoint.get(), q), cookie));
    }

    /**
     * (L4)-(L5) {@code GET <base>/signout/callback/{id}}: to the sealed {@code callbackUrl} when the logout cookie
     * opens, belongs to this provider and holds the returned {@code state}; else {@code AuthFailed} and the error
     * page with {@code state_invalid}. Never to a URL of the request: the target comes from the sealed cookie and
     * passes the redirect rules again. The logout cookie is cleared either way.
     */
    public Reply callback(AuthRequest request, String id) {
        RequestFacts facts = request.facts();
        String clear = SetCookie.clear(CookieNames.LOGOUT, facts.secure());
        boolean known = config.provider(id).isPresent();
        try {
            OAuthCallback.checkNoRepeats(request.query());
            String state = single(request.query().get("state"));
            SignOutSeal.Pending pending = seal.open(request.cookie(CookieNames.LOGOUT).orElse(null));
            if (!known || !pending.provider().equals(id)) {
                throw new AuthException(AuthError.STATE_INVALID, "logout cookie belongs to another provider");
            }
            if (!MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), pending.state().getBytes(StandardCharsets.UTF_8))) {
                throw new AuthException(AuthError.STATE_INVALID, "state differs from the logout cookie's");
            }
            return Reply.redirect(facts.location(redirects.validate(pending.callbackUrl(), facts.path("")))).cookie(clear);
        } catch (AuthException e) {
            events.failed(e.error(), known ? id : null, e.getMessage(), request.clientAddress(), null);
            LOG.log(LogMessage.SIGN_OUT_RETURN_REFUSED, known ? id : "(unknown)", e.error().code(), e.getMessage());
            String location = RequestFacts.withParameter(checks.defaultErrorUrl(request), "error", e.error().code());
            if (known) {
                location = RequestFacts.withParameter(location, "provider", id);
            }
            return Reply.redirect(facts.location(location)).cookie(clear);
        }
    }

    private static boolean wanted(AuthRequest request, ProviderConfig provider) {
        Optional<String> asked = request.fields().first(PROVIDER_FIELD);
        if (asked.isPresent() && (asked.get().equalsIgnoreCase("true") || asked.get().equalsIgnoreCase("false"))) {
            return asked.get().equalsIgnoreCase("true");
        }
        return provider.logout() == LogoutMode.PROVIDER;
    }

    private static String single(List<String> values) {
        if (values == null || values.size() != 1 || values.get(0) == null || values.get(0).isEmpty()
                || values.get(0).length() > OAuthCallback.MAX_PARAMETER_CHARS) {
            throw new AuthException(AuthError.STATE_INVALID, "no usable state");
        }
        return values.get(0);
    }

    private static URI withQuery(URI endpoint, Map<String, String> q) {
        StringBuilder url = new StringBuilder(endpoint.toString());
        char sep = endpoint.getRawQuery() == null ? '?' : '&';
        for (Map.Entry<String, String> e : q.entrySet()) {
            url.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return URI.create(url.toString());
    }
}
