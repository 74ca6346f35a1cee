package dev.lumina.sample;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One way for a {@link User} to sign in: the provider's id and the provider's stable subject for the user. */
@Entity
@Table(name = "SAMPLE_ACCOUNT", uniqueConstraints = @UniqueConstraint(columnNames = {"PROVIDER", "SUBJECT"}))
public class Account {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "PROVIDER", nullable = false, length = 64)
    private String provider;

    @Column(name = "SUBJECT", nullable = false)
    private String subject;

    @ManyToOne(optional = false)
    private User user;

    /** What the provider last said the email was, and whether it vouched for it. */
    @Column(name = "EMAIL", length = 320)
    private String email;

    @Column(name = "EMAIL_VERIFIED")
    private boolean emailVerified;

    @Column(name = "LINKED_AT")
    private Instant linkedAt;

    @Column(name = "LAST_SIGN_IN")
    private Instant lastSignIn;

    protected Account() {
        // for Jakarta Persistence
    }

    static Account link(User user, String provider, String subject) {
        Account a = new Account();
        a.user = user;
        a.provider = provider;
        a.subject = subject;
        a.linkedAt = Instant.now();
        user.accounts().add(a);
        return a;
    }

    public String provider() {
        return provider;
    }

    public String subject() {
        return subject;
    }

    public User user() {
        return user;
    }

    public String email() {
        return email;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    void seen(String email, boolean emailVerified) {
        this.email = Emails.normalize(email);
        this.emailVerified = emailVerified;
        this.lastSignIn = Instant.now();
    }
}
