package dev.lumina.auth.internal.session;

/** What a derived key is for; each purpose gets its own key from every secret. */
public enum KeyPurpose {
    SESSION_SIGNING("lumina/session/hs256"),
    SESSION_ENCRYPTION("lumina/session/a256gcm"),
    FLOW("lumina/flow/a256gcm"),
    CSRF("lumina/csrf/hmac");

    private final String info;

    KeyPurpose(String info) {
        this.info = info;
    }

    String info() {
        return info;
    }
}
