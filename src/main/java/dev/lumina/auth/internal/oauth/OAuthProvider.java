package dev.lumina.auth.internal.oauth;

import dev.lumina.auth.Profile;
import dev.lumina.auth.config.ProviderConfig;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What differs between OAuth provider kinds; the steps around it (state, PKCE, flow cookie, responses) are
 * the same for all. One implementation per kind: {@link OidcProvider} (generic OIDC and Google),
 * {@link GitHubProvider}. A new kind implements this and is added to {@link OAuthProviders}.
 */
public interface OAuthProvider {

    ProviderConfig config();

    /** (2) Where the browser is sent to sign in; may fetch the discovery document. */
    URI authorizationEndpoint();

    /** (2) The scopes asked for: the configured ones, else the kind's defaults. */
    List<String> scopes();

    /** (2) {@code true} when the request carries a nonce that the ID token must echo (OIDC). */
    boolean usesNonce();

    /** (5) The issuer a callback's {@code iss} parameter (RFC 9207) must equal, when the kind has one. */
    Optional<String> issuer();

    /**
     * (5) {@code true} when the provider advertises {@code authorization_response_iss_parameter_supported}
     * (RFC 9207 section 3): its callbacks must then carry {@code iss}.
     */
    default boolean requiresIssParameter() {
        return false;
    }

    /**
     * The provider's {@code end_session_endpoint} (OpenID Connect RP-Initiated Logout 1.0), where a sign-out can
     * end the session at the provider; empty when it has none. May read the discovery document (cached).
     */
    default Optional<URI> endSessionEndpoint() {
        return Optional.empty();
    }

    /**
     * (6)-(7) Exchanges the code and finds out who signed in.
     *
     * @param nonce the nonce of this sign-in, or {@code null} when {@link #usesNonce()} is false
     * @throws dev.lumina.auth.AuthException {@code provider_error}, {@code provider_unavailable},
     *                                       {@code id_token_invalid} or {@code profile_invalid}
     */
    Profile profile(String code, URI redirectUri, String verifier, String nonce);

    /**
     * A refresh of kept tokens ({@code grant_type=refresh_token}) at the token endpoint, with the client
     * authentication of the code exchange. Called only when the application asks {@code ProviderTokens} for a
     * token, never on the request path.
     *
     * @throws dev.lumina.auth.AuthException {@code token_refresh_failed} when refused, {@code provider_unavailable}
     *                                       when the provider cannot be reached
     */
    default TokenResponse refresh(String refreshToken) {
        throw new dev.lumina.auth.AuthException(dev.lumina.auth.AuthError.TOKEN_REFRESH_FAILED, "this provider kind does not refresh tokens");
    }

    /**
     * Back-channel logout: the verified logout token (OpenID Connect Back-Channel Logout 1.0, section 2.6).
     *
     * @throws dev.lumina.auth.AuthException for any failed check, and for a kind without back-channel logout
     */
    default LogoutToken logoutToken(String token) {
        throw new dev.lumina.auth.AuthException(dev.lumina.auth.AuthError.ID_TOKEN_INVALID,
                "provider kind without back-channel logout");
    }
}
