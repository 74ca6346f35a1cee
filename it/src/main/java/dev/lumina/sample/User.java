package dev.lumina.sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/**
 * A person in the sample application. Identified by its own id; the ways to sign in are its
 * {@link Account}s (provider + subject). The email is a contact detail and a linking hint, never an identity.
 */
@Entity
@Table(name = "SAMPLE_USER")
public class User {

    @Id
    @Column(length = 36)
    private String id;

    /** Lower-cased; unique among users. */
    @Column(unique = true, length = 320)
    private String email;

    @Column(name = "DISPLAY_NAME")
    private String name;

    @Column(length = 2048)
    private String picture;

    /** Comma-separated role names. */
    @Column(name = "ROLE_NAMES")
    private String roles;

    /** PBKDF2 hash for the credentials provider; {@code null} for users who only use OAuth providers. */
    @Column(name = "PASSWORD_HASH")
    private String passwordHash;

    @Column(name = "CREATED_AT")
    private Instant createdAt;

    @OneToMany(mappedBy = "user")
    private List<Account> accounts = new ArrayList<>();

    protected User() {
        // for Jakarta Persistence
    }

    static User create(String email, String name, Set<String> roles) {
        User u = new User();
        u.id = UUID.randomUUID().toString();
        u.email = Emails.normalize(email);
        u.name = name;
        u.roles = String.join(",", roles);
        u.createdAt = Instant.now();
        return u;
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public String picture() {
        return picture;
    }

    public Set<String> roles() {
        return roles == null || roles.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(roles.split(",")));
    }

    public List<Account> accounts() {
        return accounts;
    }

    String passwordHash() {
        return passwordHash;
    }

    void passwordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void email(String email) {
        this.email = Emails.normalize(email);
    }

    void name(String name) {
        this.name = name;
    }

    void picture(String picture) {
        this.picture = picture;
    }
}
