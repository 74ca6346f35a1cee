package dev.lumina.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider says about the person signing in: the input of {@link ProfileReceived}. The identity is
 * {@link #provider()} + {@link #subject()}, never the email: an email is only trustworthy for linking
 * accounts when {@link #emailVerified()} is {@code true}.
 *
 * <pre>{@code
 * Profile p = Profile.of("credentials", user.id(), user.email(), user.name());
 * Profile q = Profile.builder("github", "583231").email("octo@example.com").emailVerified(true).build();
 * }</pre>
 */
public final class Profile {
    private final String provider;
    private final String subject;
    private final String email;
    private final boolean emailVerified;
    private final String name;
    private final String picture;
    private final Map<String, Object> claims;
    private final TokenSet tokens;

    private Profile(Builder b) {
        this.provider = b.provider;
        this.subject = b.subject;
        this.email = b.email;
        this.emailVerified = b.emailVerified;
        this.name = b.name;
        this.picture = b.picture;
        this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(b.claims));
        this.tokens = b.tokens;
    }

    /** A profile whose email the application itself vouches for (credentials sign-in). */
    public static Profile of(String provider, String subject, String email, String name) {
        return builder(provider, subject).email(email).emailVerified(email != null).name(name).build();
    }

    public static Builder builder(String provider, String subject) {
        return new Builder(provider, subject);
    }

    public String provider() {
        return provider;
    }

    /** The provider's stable id of the user ({@code sub}). */
    public String subject() {
        return subject;
    }

    public String email() {
        return email;
    }

    /** {@code true} only when the provider (or, for credentials, the application) vouches for the email. */
    public boolean emailVerified() {
        return emailVerified;
    }

    public String name() {
        return name;
    }

    public String picture() {
        return picture;
    }

    /** The provider's raw claims (ID token and userinfo, or the provider's user JSON). */
    public Map<String, Object> claims() {
        return claims;
    }

    /** The provider's tokens; empty for credentials sign-in. Never stored in the session by Lumina. */
    public Optional<TokenSet> tokens() {
        return Optional.ofNullable(tokens);
    }

    @Override
    public String toString() {
        return "Profile[provider=" + provider + ", subject=" + subject + ", emailVerified=" + emailVerified
                + ", claims=" + claims.keySet() + ", tokens=" + tokens + "]";
    }

    /** Builds a {@link Profile}. */
    public static final class Builder {
        private final String provider;
        private final String subject;
        private String email;
        private boolean emailVerified;
        private String name;
        private String picture;
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private TokenSet tokens;

        private Builder(String provider, String subject) {
            this.provider = Objects.requireNonNull(provider, "provider");
            if (subject == null || subject.isEmpty()) {
                throw new IllegalArgumentException("a profile needs a subject");
            }
            this.subject = subject;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder emailVerified(boolean emailVerified) {
            this.emailVerified = emailVerified;
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

        public Builder claims(Map<String, ?> claims) {
            this.claims.putAll(claims);
            return this;
        }

        public Builder tokens(TokenSet tokens) {
            this.tokens = tokens;
            return this;
        }

        public Profile build() {
            return new Profile(this);
        }
    }
}
