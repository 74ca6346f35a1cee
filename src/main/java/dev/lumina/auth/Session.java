package dev.lumina.auth;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is signed in: the immutable content of the session cookie. Never {@code null} where Lumina hands
 * one out; {@link #anonymous()} stands for "nobody".
 *
 * <pre>{@code
 * Session s = Session.builder()
 *         .subject(user.id())
 *         .email(user.email())
 *         .name(user.name())
 *         .roles(Set.of("user"))
 *         .claim("plan", "pro")
 *         .build();
 * }</pre>
 *
 * The library sets the registered claims itself ({@code exp}, {@code iat}, {@code iss}, {@code jti}...):
 * {@link Builder#claim} refuses their names, so an application can never overwrite them.
 */
public final class Session {

    /** Claim names the library owns; {@link Builder#claim(String, Object)} refuses them. */
    public static final Set<String> RESERVED_CLAIMS = Set.of(
            "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "auth_time", "kid", "alg", "typ", "cty",
            "email", "name", "picture", "roles", "provider");

    private static final Session ANONYMOUS = new Session(new Builder());

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

    private Session(Builder b) {
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
    }

    /** Nobody signed in. */
    public static Session anonymous() {
        return ANONYMOUS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this session's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.subject = subject;
        b.provider = provider;
        b.email = email;
        b.name = name;
        b.picture = picture;
        b.roles.addAll(roles);
        b.claims.putAll(claims);
        b.authenticatedAt = authenticatedAt;
        b.issuedAt = issuedAt;
        b.expiresAt = expiresAt;
        return b;
    }

    /** {@code true} when someone is signed in (the session has a subject). */
    public boolean isAuthenticated() {
        return subject != null;
    }

    /** The session id ({@code jti}): new for every sign-in, kept across renewals. */
    public String id() {
        return id;
    }

    /** The application's user id ({@code sub}); {@code null} when anonymous. */
    public String subject() {
        return subject;
    }

    /** The provider id the user signed in with, e.g. {@code google}. */
    public String provider() {
        return provider;
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
        return roles;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The application's own claims (never the reserved ones). */
    public Map<String, Object> claims() {
        return claims;
    }

    public Optional<Object> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }

    /** When the user signed in; renewals keep it, and the absolute session limit counts from it. */
    public Instant authenticatedAt() {
        return authenticatedAt;
    }

    /** When this token was issued (or last renewed). */
    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Session)) {
            return false;
        }
        Session s = (Session) o;
        return Objects.equals(id, s.id) && Objects.equals(subject, s.subject)
                && Objects.equals(provider, s.provider) && Objects.equals(email, s.email)
                && Objects.equals(name, s.name) && Objects.equals(picture, s.picture)
                && roles.equals(s.roles) && claims.equals(s.claims)
                && Objects.equals(authenticatedAt, s.authenticatedAt)
                && Objects.equals(issuedAt, s.issuedAt) && Objects.equals(expiresAt, s.expiresAt);
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

    /** Builds a {@link Session}; every method returns the builder. */
    public static final class Builder {
        private String id;
        private String subject;
        private String provider;
        private String email;
        private String name;
        private String picture;
        private final Set<String> roles = new LinkedHashSet<>();
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private Instant authenticatedAt;
        private Instant issuedAt;
        private Instant expiresAt;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder picture(String picture) {
            this.picture = picture;
            return this;
        }

        /** Replaces the roles. */
        public Builder roles(Collection<String> roles) {
            this.roles.clear();
            roles.forEach(this::role);
            return this;
        }

        public Builder roles(String... roles) {
            return roles(List.of(roles));
        }

        public Builder role(String role) {
            this.roles.add(Objects.requireNonNull(role, "role"));
            return this;
        }

        /**
         * Adds an application claim. Values are JSON values: strings, numbers, booleans, lists and maps
         * of those.
         *
         * @throws IllegalArgumentException for a {@linkplain #RESERVED_CLAIMS reserved} name or a value
         *                                  that is not a JSON value
         */
        public Builder claim(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (RESERVED_CLAIMS.contains(name)) {
                throw new IllegalArgumentException("claim '" + name + "' is reserved by Lumina; use the builder's own method or another name");
            }
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, JsonValues.check(name, value));
            }
            return this;
        }

        public Builder claims(Map<String, ?> claims) {
            claims.forEach(this::claim);
            return this;
        }

        public Builder authenticatedAt(Instant authenticatedAt) {
            this.authenticatedAt = authenticatedAt;
            return this;
        }

        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Session build() {
            if (subject != null && subject.isBlank()) {
                throw new IllegalArgumentException("subject must not be blank");
            }
            return new Session(this);
        }
    }
}
