package dev.lumina.sample;

import java.util.Locale;

final class Emails {
    private Emails() {
    }

    /** Emails compare case-insensitively here; {@code null} stays {@code null}. */
    static String normalize(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
