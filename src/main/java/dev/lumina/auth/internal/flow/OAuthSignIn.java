package dev.lumina.auth.internal.flow;

import dev.lumina.auth.internal.oauth.OAuthProvider;
import dev.lumina.auth.internal.oauth.Pkce;
import dev.lumina.auth.internal.session.RandomTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Step (2) for every OAuth provider: a fresh state (128 bits), PKCE verifier (256 bits) and, for OpenID
 * Connect, nonce (128 bits), all from {@code SecureRandom}; sealed with the provider id and both URLs into
 * the flow cookie; and the authorization URL ({@code response_type=code}, S256 challenge) that carries
 * their public halves.
 */
public final class OAuthSignIn {
    static final int STATE_BYTES = 16;
    static final int NONCE_BYTES = 16;

    private final FlowSeal seal;

    public OAuthSignIn(FlowSeal seal) {
        this.seal = seal;
    }

    /** Where to send the browser, the flow's state and its cookie's value. {@link #toString()} shows none. */
    public record Started(URI authorizationUrl, String state, String flowCookie) {
        @Override
        public String toString() {
            return "Started[***]";
        }
    }

    /**
     * (2) Starts a sign-in with the provider.
     *
     * @throws dev.lumina.auth.AuthException {@code provider_unavailable} / {@code provider_error} when the
     *                                       provider's discovery fails
     */
    public Started start(OAuthProvider provider, String callbackUrl, String errorUrl, URI redirectUri) {
        URI endpoint = provider.authorizationEndpoint();
        FlowState flow = new FlowState(provider.config().id(), RandomTokens.next(STATE_BYTES), Pkce.newVerifier(),
                provider.usesNonce() ? RandomTokens.next(NONCE_BYTES) : null, callbackUrl, errorUrl, redirectUri);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", provider.config().clientId());
        q.put("redirect_uri", redirectUri.toString());
        q.put("scope", String.join(" ", provider.scopes()));
        q.put("state", flow.state());
        q.put("code_challenge", Pkce.challenge(flow.verifier()));
        q.put("code_challenge_method", Pkce.METHOD);
        if (flow.nonce() != null) {
            q.put("nonce", flow.nonce());
        }
        StringBuilder url = new StringBuilder(endpoint.toString());
        char sep = endpoint.getRawQuery() == null ? '?' : '&';
        for (Map.Entry<String, String> e : q.entrySet()) {
            url.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return new Started(URI.create(url.toString()), flow.state(), seal.seal(flow));
    }
}
