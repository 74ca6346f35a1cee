package dev.lumina.auth.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Lumina's whole configuration, immutable. By default Lumina reads it from properties (see
 * {@link ConfigKey}); an application replaces it whole by producing one, built with {@link #builder()} (a
 * {@code @Dependent} or {@code @Singleton} producer: the class is final; the package documentation has an
 * example). Either way it is validated at deployment: every problem is reported at once, each naming its key.
 */
public final class AuthConfig {
    private final Builder v; // a private copy of the builder's values: never handed out, so never changed

    private AuthConfig(Builder b) {
        this.v = b.copy();
    }

    /** A builder holding every default of {@link ConfigKey}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The secrets as bytes (UTF-8 of the configured strings); the first signs, all verify. */
    public List<byte[]> secrets() {
        return v.secrets.stream().map(byte[]::clone).toList();
    }

    public Optional<URI> baseUrl() {
        return Optional.ofNullable(v.baseUrl);
    }

    /** The path of Lumina's endpoints under the JAX-RS application root, e.g. {@code /auth}. */
    public String basePath() {
        return v.basePath;
    }

    /** Origins ({@code scheme://host[:port]}) that redirect targets may point to. */
    public Set<String> allowedOrigins() {
        return Collections.unmodifiableSet(v.allowedOrigins);
    }

    public boolean trustForwardedHeaders() {
        return v.trustForwardedHeaders;
    }

    public Duration clockSkew() {
        return v.clockSkew;
    }

    public Duration sessionMaxAge() {
        return v.sessionMaxAge;
    }

    public Duration sessionAbsoluteMaxAge() {
        return v.sessionAbsoluteMaxAge;
    }

    public Duration sessionUpdateAge() {
        return v.sessionUpdateAge;
    }

    public boolean sessionEncrypt() {
        return v.sessionEncrypt;
    }

    public Duration flowMaxAge() {
        return v.flowMaxAge;
    }

    /** The application's own sign-in page; empty means the built-in one. */
    public Optional<String> signInPage() {
        return Optional.ofNullable(v.signInPage);
    }

    /** The application's own error page; empty means the built-in one. */
    public Optional<String> errorPage() {
        return Optional.ofNullable(v.errorPage);
    }

    public Duration httpConnectTimeout() {
        return v.httpConnectTimeout;
    }

    public Duration httpReadTimeout() {
        return v.httpReadTimeout;
    }

    public int httpMaxResponseBytes() {
        return v.httpMaxResponseBytes;
    }

    public Duration jwksRefreshCooldown() {
        return v.jwksRefreshCooldown;
    }

    public Duration jwksMaxAge() {
        return v.jwksMaxAge;
    }

    public RevocationConfig revocation() {
        return v.revocation;
    }

    public TokenPolicy tokens() {
        return v.tokens;
    }

    public List<ProviderConfig> providers() {
        return Collections.unmodifiableList(v.providers);
    }

    public Optional<ProviderConfig> provider(String id) {
        return v.providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return "AuthConfig[secrets=" + v.secrets.size() + " x ***, baseUrl=" + v.baseUrl + ", providers=" + v.providers + "]";
    }

    /** Builds an {@link AuthConfig}; starts from the defaults of {@link ConfigKey}. */
    public static final class Builder {
        private final List<byte[]> secrets = new ArrayList<>();
        private URI baseUrl;
        private String basePath = ConfigKey.BASE_PATH.defaultValue();
        private final Set<String> allowedOrigins = new LinkedHashSet<>();
        private boolean trustForwardedHeaders = Boolean.parseBoolean(ConfigKey.TRUST_FORWARDED_HEADERS.defaultValue());
        private Duration clockSkew = ConfigKey.CLOCK_SKEW.defaultDuration();
        private Duration sessionMaxAge = ConfigKey.SESSION_MAX_AGE.defaultDuration();
        private Duration sessionAbsoluteMaxAge = ConfigKey.SESSION_ABSOLUTE_MAX_AGE.defaultDuration();
        private Duration sessionUpdateAge = ConfigKey.SESSION_UPDATE_AGE.defaultDuration();
        private boolean sessionEncrypt = Boolean.parseBoolean(ConfigKey.SESSION_ENCRYPT.defaultValue());
        private Duration flowMaxAge = ConfigKey.FLOW_MAX_AGE.defaultDuration();
        private String signInPage = ConfigKey.PAGES_SIGN_IN.defaultValue();
        private String errorPage = ConfigKey.PAGES_ERROR.defaultValue();
        private Duration httpConnectTimeout = ConfigKey.HTTP_CONNECT_TIMEOUT.defaultDuration();
        private Duration httpReadTimeout = ConfigKey.HTTP_READ_TIMEOUT.defaultDuration();
        private int httpMaxResponseBytes = Integer.parseInt(ConfigKey.HTTP_MAX_RESPONSE_BYTES.defaultValue());
        private Duration jwksRefreshCooldown = ConfigKey.JWKS_REFRESH_COOLDOWN.defaultDuration();
        private Duration jwksMaxAge = ConfigKey.JWKS_MAX_AGE.defaultDuration();
        private RevocationConfig revocation = RevocationConfig.memory();
        private TokenPolicy tokens = TokenPolicy.DEFAULT;
        private final List<ProviderConfig> providers = new ArrayList<>();

        private Builder() {}

        private Builder copy() {
            Builder c = new Builder();
            secrets.forEach(secret -> c.secrets.add(secret.clone()));
            c.baseUrl = baseUrl;
            c.basePath = basePath;
            c.allowedOrigins.addAll(allowedOrigins);
            c.trustForwardedHeaders = trustForwardedHeaders;
            c.clockSkew = clockSkew;
            c.sessionMaxAge = sessionMaxAge;
            c.sessionAbsoluteMaxAge = sessionAbsoluteMaxAge;
            c.sessionUpdateAge = sessionUpdateAge;
            c.sessionEncrypt = sessionEncrypt;
            c.flowMaxAge = flowMaxAge;
            c.signInPage = signInPage;
            c.errorPage = errorPage;
            c.httpConnectTimeout = httpConnectTimeout;
            c.httpReadTimeout = httpReadTimeout;
            c.httpMaxResponseBytes = httpMaxResponseBytes;
            c.jwksRefreshCooldown = jwksRefreshCooldown;
            c.jwksMaxAge = jwksMaxAge;
            c.revocation = revocation;
            c.tokens = tokens;
            c.providers.addAll(providers);
            return c;
        }

        /** Replaces the secrets; the first signs, all verify. */
        public Builder secrets(String... secrets) {
            this.secrets.clear();
            Arrays.stream(secrets).map(s -> Objects.requireNonNull(s, "secret").getBytes(StandardCharsets.UTF_8)).forEach(this.secrets::add);
            return this;
        }

        public Builder secrets(List<String> secrets) {
            return secrets(secrets.toArray(String[]::new));
        }

        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** Where Lumina's endpoints live under the application root: {@code /auth} unless told otherwise. */
        public Builder basePath(String basePath) {
            this.basePath = Objects.requireNonNull(basePath, "basePath");
            return this;
        }

        public Builder allowedOrigins(Set<String> origins) {
            this.allowedOrigins.clear();
            this.allowedOrigins.addAll(origins);
            return this;
        }

        public Builder trustForwardedHeaders(boolean trust) {
            this.trustForwardedHeaders = trust;
            return this;
        }

        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = Objects.requireNonNull(clockSkew);
            return this;
        }

        public Builder sessionMaxAge(Duration maxAge) {
            this.sessionMaxAge = Objects.requireNonNull(maxAge);
            return this;
        }

        public Builder sessionAbsoluteMaxAge(Duration maxAge) {
            this.sessionAbsoluteMaxAge = Objects.requireNonNull(maxAge);
            return this;
        }

        public Builder sessionUpdateAge(Duration updateAge) {
            this.sessionUpdateAge = Objects.requireNonNull(updateAge);
            return this;
        }

        public Builder sessionEncrypt(boolean encrypt) {
            this.sessionEncrypt = encrypt;
            return this;
        }

        public Builder flowMaxAge(Duration maxAge) {
            this.flowMaxAge = Objects.requireNonNull(maxAge);
            return this;
        }

        public Builder signInPage(String url) {
            this.signInPage = url;
            return this;
        }

        public Builder errorPage(String url) {
            this.errorPage = url;
            return this;
        }

        public Builder httpConnectTimeout(Duration timeout) {
            this.httpConnectTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder httpReadTimeout(Duration timeout) {
            this.httpReadTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder httpMaxResponseBytes(int bytes) {
            this.httpMaxResponseBytes = bytes;
            return this;
        }

        public Builder jwksRefreshCooldown(Duration cooldown) {
            this.jwksRefreshCooldown = Objects.requireNonNull(cooldown);
            return this;
        }

        public Builder jwksMaxAge(Duration maxAge) {
            this.jwksMaxAge = Objects.requireNonNull(maxAge);
            return this;
        }

        public Builder revocation(RevocationConfig revocation) {
            this.revocation = Objects.requireNonNull(revocation);
            return this;
        }

        public Builder tokens(TokenPolicy tokens) {
            this.tokens = Objects.requireNonNull(tokens);
            return this;
        }

        public Builder provider(ProviderConfig provider) {
            this.providers.add(Objects.requireNonNull(provider));
            return this;
        }

        public AuthConfig build() {
            return new AuthConfig(this);
        }
    }
}
