package dev.lumina.auth;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The immutable {@link Session} that {@link Session.Builder} makes. */
final class SessionValue implements Session {
    static final Session ANONYMOUS = new SessionValue(new Session.Builder());

    private final String id;
    private final String subject;
    private final String provider;
    private final String email;
    private final String name;
    private final String picture;
    private final Set<String> roles;
    private final Map<String, Object> claims;
    private final Instant authenticatedAt;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final String providerSubject;
    private final String providerSessionId;

    SessionValue(Session.Builder b) {
        this.id = b.id;
        this.subject = b.subject;
        this.provider = b.provider;
        this.email = b.email;
        this.name = b.name;
        this.picture = b.picture;
        this.roles = Collections.unmodifiableSet(new LinkedHashSet<>(b.roles));
        this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(b.claims));
        this.authenticatedAt = b.authenticatedAt;
        this.issuedAt = b.issuedAt;
        this.expiresAt = b.expiresAt;
        this.providerSubject = b.providerSubject;
        this.providerSessionId = b.providerSessionId;
    }

    private SessionValue(SessionValue s) {
        this.id = s.id;
        this.subject = s.subject;
        this.provider = s.provider;
        this.email = s.email;
        this.name = s.name;
        this.picture = s.picture;
        this.roles = s.roles;
        this.claims = s.claims;
        this.authenticatedAt = s.authenticatedAt;
        this.issuedAt = s.issuedAt;
        this.expiresAt = s.expiresAt;
        this.providerSubject = s.providerSubject;
        this.providerSessionId = s.providerSessionId;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String subject() {
        return subject;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public String email() {
        return email;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String picture() {
        return picture;
    }

    @Override
    public Set<String> roles() {
        return roles;
    }

    @Override
    public Map<String, Object> claims() {
        return claims;
    }

    @Override
    public Instant authenticatedAt() {
        return authenticatedAt;
    }

    @Override
    public Instant issuedAt() {
        return issuedAt;
    }

    @Override
    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String providerSubject() {
        return providerSubject;
    }

    @Override
    public String providerSessionId() {
        return providerSessionId;
    }

    /**
     * A copy, not {@code this}: called through a CDI client proxy, a method that returns its own instance gets
     * the proxy back instead (Weld hands out the proxy, never the instance behind it).
     */
    @Override
    public Session snapshot() {
        return new SessionValue(this);
    }

    /** Equal to another value with the same content; a {@code @Current} proxy is compared by its snapshot. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SessionValue)) {
            return false;
        }
        SessionValue s = (SessionValue) o;
        return Objects.equals(id, s.id) && Objects.equals(subject, s.subject)
                && Objects.equals(provider, s.provider) && Objects.equals(email, s.email)
                && Objects.equals(name, s.name) && Objects.equals(picture, s.picture)
                && roles.equals(s.roles) && claims.equals(s.claims)
                && Objects.equals(authenticatedAt, s.authenticatedAt)
                && Objects.equals(issuedAt, s.issuedAt) && Objects.equals(expiresAt, s.expiresAt)
                && Objects.equals(providerSubject, s.providerSubject) && Objects.equals(providerSessionId, s.providerSessionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, subject, email, issuedAt);
    }

    @Override
    public String toString() {
        return isAuthenticated()
                ? "Session[subject=" + subject + ", provider=" + provider + ", roles=" + roles
                        + ", claims=" + claims.keySet() + ", expiresAt=" + expiresAt + "]"
                : "Session[anonymous]";
    }
}
