package dev.lumina.auth.provider;

import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.config.ProviderType;
import java.net.URI;
import java.util.List;

/**
 * GitHub: OAuth 2.0 without ID token. The profile comes from {@code /user}; the email from
 * {@code /user/emails} (the primary, verified one) when the user hides it. Same as
 * {@code lumina.auth.providers.github.client-id} and {@code .client-secret}; every endpoint can be
 * overridden ({@code authorization-endpoint}, {@code token-endpoint}, {@code userinfo-endpoint},
 * {@code emails-endpoint}) for GitHub Enterprise.
 *
 * <pre>{@code
 * ProviderConfig github = GitHub.of(System.getenv("GITHUB_ID"), System.getenv("GITHUB_SECRET"));
 * ProviderConfig ghe = GitHub.enterprise("ghe", URI.create("https://git.corp.example"), id, secret);
 * }</pre>
 */
public final class GitHub {
    public static final URI AUTHORIZATION_ENDPOINT = URI.create("https://github.com/login/oauth/authorize");
    public static final URI TOKEN_ENDPOINT = URI.create("https://github.com/login/oauth/access_token");
    public static final URI USER_API = URI.create("https://api.github.com/user");
    public static final URI EMAILS_API = URI.create("https://api.github.com/user/emails");
    public static final List<String> DEFAULT_SCOPES = List.of("read:user", "user:email");

    private GitHub() {
    }

    public static ProviderConfig of(String clientId, String clientSecret) {
        return ProviderConfig.builder("github", ProviderType.GITHUB).clientId(clientId).clientSecret(clientSecret).build();
    }

    /** GitHub Enterprise Server at {@code server} (its API under {@code /api/v3}). */
    public static ProviderConfig enterprise(String id, URI server, String clientId, String clientSecret) {
        String base = server.toString().replaceAll("/+$", "");
        return ProviderConfig.builder(id, ProviderType.GITHUB).clientId(clientId).clientSecret(clientSecret)
                .authorizationEndpoint(URI.create(base + "/login/oauth/authorize"))
                .tokenEndpoint(URI.create(base + "/login/oauth/access_token"))
                .userinfoEndpoint(URI.create(base + "/api/v3/user"))
                .emailsEndpoint(URI.create(base + "/api/v3/user/emails"))
                .build();
    }
}
