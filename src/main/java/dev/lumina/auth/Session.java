package dev.lumina.auth;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is signed in: the content of the session cookie. Never {@code null} where Lumina hands one out;
 * {@link #anonymous()} stands for "nobody".
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
 * <p>Sessions built here, and those the events carry, are immutable values. {@code @Inject @Current Session}
 * is different: it is a request-scoped proxy that always shows the session of the request being served, so
 * it is correct in {@code @ApplicationScoped} services, JAX-RS resources and providers, observers and EJBs
 * alike. Code that keeps a session beyond the request keeps {@link #snapshot()}, never the proxy. Outside a
 * request (a scheduler thread, start-up code) the proxy throws CDI's {@code ContextNotActiveException}.
 *
 * <p>The library sets the registered claims itself ({@code exp}, {@code iat}, {@code iss}, {@code jti}...):
 * {@link Builder#claim} refuses their names, so an application can never overwrite them.
 */
public interface Session {

    /** Claim names the library owns; {@link Builder#claim(String, Object)} refuses them. */
    Set<String> RESERVED_CLAIMS = Set.of(
            "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "auth_time", "kid", "alg", "typ", "cty",
            "email", "name", "picture", "roles", "provider", "psid", "psub");

    /** Nobody signed in. */
    static Session anonymous() {
        return SessionValue.ANONYMOUS;
    }

    static Builder builder() {
        return new Builder();
    }

    /** The session id ({@code jti}): new for every sign-in, kept across renewals. */
    String id();

    /** The application's user id ({@code sub}); {@code null} when anonymous. */
    String subject();

    /** The provider id the user signed in with, e.g. {@code google}. */
    String provider();

    String email();

    String name();

    String picture();

    Set<String> roles();

    /** The application's own claims (never the reserved ones). */
    Map<String, Object> claims();

    /** When the user signed in; renewals keep it, and the absolute session limit counts from it. */
    Instant authenticatedAt();

    /** When this token was issued (or last renewed). */
    Instant issuedAt();

    Instant expiresAt();

    /**
     * The provider's own session id at sign-in (the {@code sid} claim of its ID token), kept so that the
     * provider's back-channel logout can end this session; {@code null} when the provider sent none.
     */
    default String providerSessionId() {
        return null;
    }

    /** The provider's own subject at sign-in (its {@code sub}), kept for back-channel logout; {@code null} if unknown. */
    default String providerSubject() {
        return null;
    }

    /** {@code true} when someone is signed in (the session has a subject). */
    default boolean isAuthenticated() {
        return subject() != null;
    }

    default boolean hasRole(String role) {
        return roles().contains(role);
    }

    default Optional<Object> claim(String name) {
        return Optional.ofNullable(claims().get(name));
    }

    /**
     * This session as an immutable value that no longer follows the current request: what to store in a
     * field, a cache or another thread. A value returns an equal value; the injected {@code @Current Session}
     * returns the value of the request it is called in.
     */
    Session snapshot();

    /** A builder holding this session's values, to derive a changed copy. */
    default Builder toBuilder() {
        Builder b = new Builder()
                .id(id()).subject(subject()).provider(provider()).email(email()).name(name()).picture(picture())
                .authenticatedAt(authenticatedAt()).issuedAt(issuedAt()).expiresAt(expiresAt())
                .providerSubject(providerSubject()).providerSessionId(providerSessionId());
        b.roles.addAll(roles());
        b.claims.putAll(claims());
        return b;
    }

    /** Builds a {@link Session}; every method returns the builder. */
    final class Builder {
        String id;
        String subject;
        String provider;
        String email;
        String name;
        String picture;
        final Set<String> roles = new LinkedHashSet<>();
        final Map<String, Object> claims = new LinkedHashMap<>();
        Instant authenticatedAt;
        Instant issuedAt;
        Instant expiresAt;
        String providerSubject;
        String providerSessionId;

        Builder() {
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
         * of those, nested at most 32 levels.
         *
         * @throws IllegalArgumentException for a {@linkplain #RESERVED_CLAIMS reserved} name, a value that is
         *                                  not a JSON value, or one nested deeper than 32 levels
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

        /** Set by Lumina at sign-in from the provider's answer (whatever an observer put here is replaced). */
        public Builder providerSubject(String providerSubject) {
            this.providerSubject = providerSubject;
            return this;
        }

        /** Set by Lumina at sign-in from the {@code sid} of the provider's ID token (replacing an observer's value). */
        public Builder providerSessionId(String providerSessionId) {
            this.providerSessionId = providerSessionId;
            return this;
        }

        public Session build() {
            if (subject != null && subject.isBlank()) {
                throw new IllegalArgumentException("subject must not be blank");
            }
            return new SessionValue(this);
        }
    }
}
