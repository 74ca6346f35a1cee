package dev.lumina.demo;

import dev.lumina.auth.CredentialsSubmitted;
import dev.lumina.auth.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The demo's credentials check: one demo user. A real application looks the user up and compares a
 * password hash (bcrypt, Argon2...); the rule shown here is the one that matters: an unknown user and a
 * wrong password are both a plain {@code reject()}, after the same amount of work.
 */
@ApplicationScoped
public class DemoAccounts {
    public static final String USER = "demo";
    public static final String PASSWORD = "lumina-demo";
    private static final byte[] PASSWORD_HASH = sha256(PASSWORD);

    void onCredentials(@Observes CredentialsSubmitted event) {
        boolean knownUser = USER.equals(event.field("username"));
        boolean passwordMatches = MessageDigest.isEqual(PASSWORD_HASH, sha256(event.field("password")));
        if (knownUser && passwordMatches) {
            event.accept(Profile.of("credentials", "demo-user-1", "demo@lumina.example", "Demo User"));
        } else {
            event.reject();
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(String.valueOf(s).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
