package dev.lumina.auth.internal.pages;

import dev.lumina.auth.AuthError;
import java.util.Map;
import java.util.Optional;

/** What the built-in pages say for each error code; an unknown code gets the generic message. */
public final class Messages {
    private static final String GENERIC = "Sign-in failed. Please try again.";
    private static final Map<AuthError, String> TEXT = Map.ofEntries(
            Map.entry(AuthError.CSRF_INVALID, "Your sign-in form expired. Please try again."),
            Map.entry(AuthError.INVALID_REDIRECT, "The sign-in link points to a page outside this application."),
            Map.entry(AuthError.UNKNOWN_PROVIDER, "That sign-in method is not available."),
            Map.entry(AuthError.STATE_INVALID, "Your sign-in expired or was started in another browser. Please try again."),
            Map.entry(AuthError.ACCESS_DENIED, "Access was denied. You may not have an account here, or you cancelled the sign-in."),
            Map.entry(AuthError.PROVIDER_ERROR, "The sign-in provider returned an error. Please try again."),
            Map.entry(AuthError.PROVIDER_UNAVAILABLE, "The sign-in provider could not be reached. Please try again in a moment."),
            Map.entry(AuthError.ID_TOKEN_INVALID, "The sign-in provider's answer could not be verified. Please try again."),
            Map.entry(AuthError.PROFILE_INVALID, "Your profile from the sign-in provider is incomplete."),
            Map.entry(AuthError.CREDENTIALS_INVALID, "Those details did not work. Check them and try again."),
            Map.entry(AuthError.SERVER_ERROR, "Something went wrong on our side. Please try again."),
            Map.entry(AuthError.UNAUTHENTICATED, "Please sign in to continue."),
            Map.entry(AuthError.FORBIDDEN, "You do not have access to that page."));

    private Messages() {
    }

    /** The message for a code from a URL (untrusted); empty when there is no code. */
    public static Optional<String> forCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(AuthError.fromCode(code).map(e -> TEXT.getOrDefault(e, GENERIC)).orElse(GENERIC));
    }

    /** The error code itself when it is one of Lumina's, for display; empty otherwise. */
    public static Optional<String> knownCode(String code) {
        return AuthError.fromCode(code).map(AuthError::code);
    }
}
