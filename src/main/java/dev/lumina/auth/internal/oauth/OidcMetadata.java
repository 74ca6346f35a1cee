package dev.lumina.auth.internal.oauth;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * What Lumina uses of a provider's discovery document (OpenID Connect Discovery 1.0 section 3), after the
 * configured endpoint overrides are applied.
 *
 * @param issuer                 the issuer, equal to the configured one
 * @param authorizationEndpoint  where the browser signs in (3)
 * @param tokenEndpoint          where the code is exchanged (6)
 * @param userinfoEndpoint       the userinfo endpoint, or {@code null}
 * @param jwksUri                the provider's signing keys (7)
 * @param signingAlgorithms      {@code id_token_signing_alg_values_supported} (RS256 when absent)
 * @param tokenEndpointAuthMethods {@code token_endpoint_auth_methods_supported} (client_secret_basic when absent)
 * @param issParameterSupported  {@code authorization_response_iss_parameter_supported} (RFC 9207 section 3): when
 *                               {@code true}, every authorization response must carry {@code iss}
 * @param endSessionEndpoint     {@code end_session_endpoint} (OpenID Connect RP-Initiated Logout 1.0), or {@code null}
 */
public record OidcMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI userinfoEndpoint,
                           URI jwksUri, Set<String> signingAlgorithms, List<String> tokenEndpointAuthMethods,
                           boolean issParameterSupported, URI endSessionEndpoint) {

    /** {@code true} when the client secret goes in the form body rather than in HTTP Basic. */
    public boolean prefersSecretInBody() {
        return !tokenEndpointAuthMethods.contains("client_secret_basic") && tokenEndpointAuthMethods.contains("client_secret_post");
    }
}
