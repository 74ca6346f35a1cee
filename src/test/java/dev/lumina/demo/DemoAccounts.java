package dev.lumina.demo;

import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.CredentialsSubmitted;
import dev.lumina.auth.Profile;
import dev.lumina.auth.ProfileReceived;
import dev.lumina.auth.Session;
import dev.lumina.auth.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What an application writes: who may sign in and what the session holds. */
@ApplicationScoped
public class DemoAccounts {
    /** The demo account of the {@code credentials} provider. */
    public static final String USER = "demo";
    public static final String PASSWORD = "lumina-demo";
    private static final byte[] PASSWORD_HASH = sha256(PASSWORD);

    /**
     * The credentials check. A real application looks the user up and compares a password hash (bcrypt,
     * Argon2...); the rule shown here is the one that matters: an unknown user and a wrong password are both
     * a plain {@code reject()}, after the same amount of work.
     */
    void onCredentials(@Observes CredentialsSubmitted event) {
        boolean knownUser = USER.equals(event.field("username"));
        boolean passwordMatches = MessageDigest.isEqual(PASSWORD_HASH, sha256(event.field("password")));
        if (knownUser && passwordMatches) {
            event.accept(Profile.of("credentials", "demo-user-1", "demo@lumina.example", "Demo User"));
        } else {
            event.reject();
        }
    }

    void onProfile(@Observes ProfileReceived event) {
        Profile p = event.profile();
        event.session(Session.builder()
                .subject(p.provider() + ":" + p.subject())     // identity = provider + subject, never the email
                .email(p.emailVerified() ? p.email() : null)
                .name(p.name() != null ? p.name() : p.subject())
                .picture(p.picture())
                .roles(roles(p))
                .build());
    }

    /**
     * The roles the provider gives, else {@code user}: a {@code roles} claim (a list of strings), or
     * Keycloak's {@code realm_access.roles}. Take roles only from a provider you run: the demo's mock provider
     * lets anyone type them, and Google or GitHub send none.
     */
    static List<String> roles(Profile p) {
        List<String> roles = strings(p.claims().get("roles"));
        if (roles.isEmpty() && p.claims().get("realm_access") instanceof Map<?, ?> realmAccess) {
            roles = strings(realmAccess.get("roles"));
        }
        return roles.isEmpty() ? List.of("user") : roles;
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof Collection<?> items)) {
            return List.of();
        }
        return items.stream().filter(String.class::isInstance).map(String.class::cast)
                .filter(s -> !s.isBlank()).distinct().toList();
    }

    void onSignIn(@Observes SignedIn event) {
        System.out.println("signed in: " + event.session().subject() + " via " + event.provider());
    }

    void onFailure(@Observes AuthFailed event) {
        System.out.println("sign-in failed: " + event.error() + " via " + event.provider());
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(String.valueOf(s).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
