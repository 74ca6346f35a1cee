package dev.lumina.auth.internal.flow;

import java.net.URI;

/**
 * One sign-in in progress, as sealed in the {@code lumina.flow} cookie (2) and read back at the callback
 * (5). Nothing of it is kept on the server. {@link #toString()} shows no secret value.
 *
 * @param provider    the provider id the sign-in was started for
 * @param state       the OAuth {@code state} (128 bits)
 * @param verifier    the PKCE verifier (256 bits)
 * @param nonce       the OIDC nonce (128 bits), or {@code null} for OAuth-only providers
 * @param callbackUrl where the browser goes after success (validated at (1))
 * @param errorUrl    where the browser goes after a failure (validated at (1))
 * @param redirectUri the {@code redirect_uri} sent at (2), sent again at (6)
 */
public record FlowState(String provider, String state, String verifier, String nonce, String callbackUrl,
                        String errorUrl, URI redirectUri) {

    @Override
    public String toString() {
        return "FlowState[provider=" + provider + ", state=***, verifier=***, nonce=***, callbackUrl=" + callbackUrl
                + ", errorUrl=" + errorUrl + ", redirectUri=" + redirectUri + "]";
    }
}
