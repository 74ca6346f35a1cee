package dev.lumina.auth.testing;

import dev.lumina.auth.CredentialsSubmitted;
import dev.lumina.auth.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A credentials observer as an application writes it: one user, {@code alice} / {@code correct horse}.
 * Unknown users are checked against a dummy password so both refusals cost the same. Records what it saw.
 */
@ApplicationScoped
public class TestAccounts {
    public static final String USER = "alice";
    public static final String PASSWORD = "correct horse battery staple";
    private static final Map<String, String> USERS = Map.of(USER, PASSWORD);

    private final List<CredentialsSubmitted> seen = new CopyOnWriteArrayList<>();

    void onCredentials(@Observes CredentialsSubmitted event) {
        seen.add(event);
        decide(event);
    }

    /** What the application decides: the one account, its password compared in constant time. */
    public static void decide(CredentialsSubmitted event) {
        String user = event.field("username");
        String expected = USERS.getOrDefault(user, "dummy password that never matches anything");
        boolean match = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                String.valueOf(event.field("password")).getBytes(StandardCharsets.UTF_8));
        if (match && USERS.containsKey(user)) {
            event.accept(Profile.of("credentials", "u-" + user, user + "@example.com", "Alice Liddell"));
        } else {
            event.reject();
        }
    }

    public List<CredentialsSubmitted> seen() {
        return seen;
    }

    public void clear() {
        seen.clear();
    }
}
