package dev.lumina.auth.internal.session;

/** What a derived key is for; each purpose gets its own key from every secret. */
public enum KeyPurpose {
    SESSION_SIGNING("lumina/session/hs256"),
    SESSION_ENCRYPTION("lumina/session/a256gcm"),
    FLOW("lumina/flow/a256gcm"),
    CSRF("lumina/csrf/hmac"),
    /** The ID token kept for RP-initiated logout's {@code id_token_hint}. */
    LOGOUT_HINT("lumina/logout-hint/a256gcm"),
    /** A provider sign-out in progress (its state and landing URL), RP-initiated logout. */
    LOGOUT_STATE("lumina/logout-state/a256gcm"),
    /** Provider tokens kept for the application's API calls. */
    PROVIDER_TOKENS("lumina/provider-tokens/a256gcm");

    private final String info;

    KeyPurpose(String info) {
        this.info = info;
    }

    String info() {
        return info;
    }
}
