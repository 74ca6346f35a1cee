package dev.lumina.auth.testing;

/** Secrets for tests: long enough, and distinct. */
public final class TestSecrets {
    public static final String A = "test-secret-A-0123456789abcdefghijklmnopqrstuvwxyz";
    public static final String B = "test-secret-B-0123456789abcdefghijklmnopqrstuvwxyz";

    private TestSecrets() {
    }
}
