package dev.lumina.auth.config;

import java.util.Locale;
import java.util.Optional;

/**
 * What a sign-out ends by default, as written in {@code lumina.auth.providers.<id>.logout}: the Lumina session
 * only, or also the session at the provider (OpenID Connect RP-Initiated Logout 1.0, when the provider has an
 * {@code end_session_endpoint}). A sign-out request may ask for either with its {@code provider} field.
 *
 * <pre>{@code
 * ProviderConfig.builder("corp", ProviderType.OIDC).logout(LogoutMode.PROVIDER)...
 * }</pre>
 */
public enum LogoutMode {
    /** Clear Lumina's session cookie; the provider's session stays (the default). */
    LOCAL,
    /** Clear Lumina's session cookie, then send the browser to the provider's {@code end_session_endpoint}. */
    PROVIDER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode for a configured value; empty when unknown. */
    public static Optional<LogoutMode> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (LogoutMode m : values()) {
            if (m.id().equals(v)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
