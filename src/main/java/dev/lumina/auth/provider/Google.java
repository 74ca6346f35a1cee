package dev.lumina.auth.provider;

import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.config.ProviderType;
import java.net.URI;
import java.util.List;

/**
 * Google: OpenID Connect with Google's issuer. Same as {@code lumina.auth.providers.google.client-id} and
 * {@code .client-secret} (the type defaults to the id {@code google}). Register the redirect URI
 * {@code <base-url>/auth/callback/google} in the Google Cloud console.
 *
 * <pre>{@code
 * ProviderConfig google = Google.of(System.getenv("GOOGLE_ID"), System.getenv("GOOGLE_SECRET"));
 * }</pre>
 */
public final class Google {
    public static final URI ISSUER = URI.create("https://accounts.google.com");
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");

    private Google() {
    }

    public static ProviderConfig of(String clientId, String clientSecret) {
        return ProviderConfig.builder("google", ProviderType.GOOGLE).clientId(clientId).clientSecret(clientSecret).build();
    }
}
