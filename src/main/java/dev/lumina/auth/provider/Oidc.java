package dev.lumina.auth.provider;

import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.config.ProviderType;
import java.net.URI;
import java.util.List;

/**
 * Any OpenID Connect provider, configured by discovery from its issuer. Same as the properties
 * {@code lumina.auth.providers.<id>.type=oidc}, {@code .issuer}, {@code .client-id}, {@code .client-secret}.
 *
 * <pre>{@code
 * ProviderConfig corp = Oidc.of("corp", URI.create("https://login.corp.example"), "lumina", secret);
 * }</pre>
 */
public final class Oidc {
    /** Scopes asked for when none are configured. */
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");

    private Oidc() {
    }

    /** A provider by discovery; {@code clientSecret} may be {@code null} for a public client. */
    public static ProviderConfig of(String id, URI issuer, String clientId, String clientSecret) {
        return builder(id, issuer, clientId, clientSecret).build();
    }

    /** The same, to set more (name, scopes, endpoint overrides, userinfo). */
    public static ProviderConfig.Builder builder(String id, URI issuer, String clientId, String clientSecret) {
        return ProviderConfig.builder(id, ProviderType.OIDC).issuer(issuer).clientId(clientId).clientSecret(clientSecret);
    }
}
