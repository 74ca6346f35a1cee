package dev.lumina.auth.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of provider Lumina knows, as written in {@code lumina.auth.providers.<id>.type}.
 *
 * <pre>{@code
 * ProviderType.parse("oidc")   // Optional[OIDC]
 * }</pre>
 */
public enum ProviderType {
    /** Any OpenID Connect issuer, configured by discovery. */
    OIDC("OpenID Connect"),
    /** Google: OpenID Connect with Google's issuer. */
    GOOGLE("Google"),
    /** GitHub (and GitHub Enterprise): OAuth 2.0 with GitHub's user API. */
    GITHUB("GitHub"),
    /** Username and password, checked by the application's {@code CredentialsSubmitted} observer. */
    CREDENTIALS("Credentials");

    private final String displayName;

    ProviderType(String displayName) {
        this.displayName = displayName;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return displayName;
    }

    /** The type for a configured value; empty when unknown (the value is not trusted). */
    public static Optional<ProviderType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ProviderType t : values()) {
            if (t.id().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
