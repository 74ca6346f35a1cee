package dev.lumina.auth.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Lumina's whole configuration, immutable. By default Lumina reads it from properties (see
 * {@link ConfigKey}); an application replaces it whole by producing one:
 *
 * <pre>{@code
 * @Produces
 * AuthConfig config() {
 *     return AuthConfig.builder()
 *             .secrets(System.getenv("AUTH_SECRET"))
 *             .provider(ProviderConfig.builder("google", ProviderType.GOOGLE)
 *                     .clientId(System.getenv("GOOGLE_ID")).clientSecret(System.getenv("GOOGLE_SECRET")).build())
 *             .build();
 * }
 * }</pre>
 *
 * (a {@code @Dependent} or {@code @Singleton} producer: the class is final). Either way it is validated at deployment: every problem is reported at once, each naming its key.
 */
public final class AuthConfig {
    private final List<byte[]> secrets;
    private final URI baseUrl;
    private final String basePath;
    private final Set<String> allowedOrigins;
    private final boolean trustForwardedHeaders;
    private final Duration clockSkew;
    private final Duration sessionMaxAge;
    private final Duration sessionAbsoluteMaxAge;
    private final Duration sessionUpdateAge;
    private final boolean sessionEncrypt;
    private final Duration flowMaxAge;
    private final String signInPage;
    private final String errorPage;
    private final Duration httpConnectTimeout;
    private final Duration httpReadTimeout;
    private final int httpMaxResponseBytes;
    private final Duration jwksRefreshCooldown;
    private final Duration jwksMaxAge;
    private final List<ProviderConfig> providers;

    private AuthConfig(Builder b) {
        this.secrets = b.secrets.stream().map(byte[]::clone).toList();
        this.baseUrl = b.baseUrl;
        this.basePath = b.basePath;
        this.allowedOrigins = Set.copyOf(b.allowedOrigins);
        this.trustForwardedHeaders = b.trustForwardedHeaders;
        this.clockSkew = b.clockSkew;
        this.sessionMaxAge = b.sessionMaxAge;
        this.sessionAbsoluteMaxAge = b.sessionAbsoluteMaxAge;
        this.sessionUpdateAge = b.sessionUpdateAge;
        this.sessionEncrypt = b.sessionEncrypt;
        this.flowMaxAge = b.flowMaxAge;
        this.signInPage = b.signInPage;
        this.errorPage = b.errorPage;
        this.httpConnectTimeout = b.httpConnectTimeout;
        this.httpReadTimeout = b.httpReadTimeout;
        this.httpMaxResponseBytes = b.httpMaxResponseBytes;
        this.jwksRefreshCooldown = b.jwksRefreshCooldown;
        this.jwksMaxAge = b.jwksMaxAge;
        this.providers = List.copyOf(b.providers);
    }

    /** A builder holding every default of {@link ConfigKey}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The secrets as bytes (UTF-8 of the configured strings); the first signs, all verify. */
    public List<byte[]> secrets() {
        return secrets.stream().map(byte[]::clone).toList();
    }

    public Optional<URI> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /** Origins ({@code scheme://host[:port]}) that redirect targets may point to. */
    /** The path of Lumina's endpoints under the JAX-RS application root, e.g. {@code /auth}. */
    public String basePath() {
        return basePath;
    }

    public Set<String> allowedOrigins() {
        return allowedOrigins;
    }

    public boolean trustForwardedHeaders() {
        return trustForwardedHeaders;
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    public Duration sessionMaxAge() {
        return sessionMaxAge;
    }

    public Duration sessionAbsoluteMaxAge() {
        return sessionAbsoluteMaxAge;
    }

    public Duration sessionUpdateAge() {
        return sessionUpdateAge;
    }

    public boolean sessionEncrypt() {
        return sessionEncrypt;
    }

    public Duration flowMaxAge() {
        return flowMaxAge;
    }

    /** The application's own sign-in page; empty means the built-in one. */
    public Optional<String> signInPage() {
        return Optional.ofNullable(signInPage);
    }

    /** The application's own error page; empty means the built-in one. */
    public Optional<String> errorPage() {
        return Optional.ofNullable(errorPage);
    }

    public Duration httpConnectTimeout() {
        return httpConnectTimeout;
    }

    public Duration httpReadTimeout() {
        return httpReadTimeout;
    }

    public int httpMaxResponseBytes() {
        return httpMaxResponseBytes;
    }

    public Duration jwksRefreshCooldown() {
        return jwksRefreshCooldown;
    }

    /** Longest a provider's JWKS is trusted before it is fetched again (see {@link ConfigKey#JWKS_MAX_AGE}). */
    public Duration jwksMaxAge() {
        return jwksMaxAge;
    }

    public List<ProviderConfig> providers() {
        return providers;
    }

    public Optional<ProviderConfig> provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return "AuthConfig[secrets=" + secrets.size() + " x ***, baseUrl=" + baseUrl + ", providers=" + providers + "]";
    }

    /** Builds an {@link AuthConfig}; starts from the defaults of {@link ConfigKey}. */
    public static final class Builder {
        private final List<byte[]> secrets = new ArrayList<>();
        private URI baseUrl;
        private String basePath = ConfigKey.BASE_PATH.defaultValue();
        private final Set<String> allowedOrigins = new LinkedHashSet<>();
        private boolean trustForwardedHeaders = Boolean.parseBoolean(ConfigKey.TRUST_FORWARDED_HEADERS.defaultValue());
        private Duration clockSkew = duration(ConfigKey.CLOCK_SKEW);
        private Duration sessionMaxAge = duration(ConfigKey.SESSION_MAX_AGE);
        private Duration sessionAbsoluteMaxAge = duration(ConfigKey.SESSION_ABSOLUTE_MAX_AGE);
        private Duration sessionUpdateAge = duration(ConfigKey.SESSION_UPDATE_AGE);
        private boolean sessionEncrypt = Boolean.parseBoolean(ConfigKey.SESSION_ENCRYPT.defaultValue());
        private Duration flowMaxAge = duration(ConfigKey.FLOW_MAX_AGE);
        private String signInPage = ConfigKey.PAGES_SIGN_IN.defaultValue();
        private String errorPage = ConfigKey.PAGES_ERROR.defaultValue();
        private Duration httpConnectTimeout = duration(ConfigKey.HTTP_CONNECT_TIMEOUT);
        private Duration httpReadTimeout = duration(ConfigKey.HTTP_READ_TIMEOUT);
        private int httpMaxResponseBytes = Integer.parseInt(ConfigKey.HTTP_MAX_RESPONSE_BYTES.defaultValue());
        private Duration jwksRefreshCooldown = duration(ConfigKey.JWKS_REFRESH_COOLDOWN);
        private Duration jwksMaxAge = duration(ConfigKey.JWKS_MAX_AGE);
        private final List<ProviderConfig> providers = new ArrayList<>();

        private Builder() {
        }

        private static Duration duration(ConfigKey key) {
            return Duration.parse(key.defaultValue());
        }

        /** Replaces the secrets; the first signs, all verify. */
        public Builder secrets(String... secrets) {
            this.secrets.clear();
            for (String s : secrets) {
                this.secrets.add(Objects.requireNonNull(s, "secret").getBytes(StandardCharsets.UTF_8));
            }
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

        public Builder provider(ProviderConfig provider) {
            this.providers.add(Objects.requireNonNull(provider));
            return this;
        }

        public AuthConfig build() {
            return new AuthConfig(this);
        }
    }
}
