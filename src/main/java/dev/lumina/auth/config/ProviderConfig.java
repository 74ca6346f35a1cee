package dev.lumina.auth.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured provider: its id (the path segment in {@code /auth/signin/{id}}), its type and its
 * settings. Immutable; one builder method per {@link ProviderKey}.
 *
 * <pre>{@code
 * ProviderConfig google = ProviderConfig.builder("google", ProviderType.GOOGLE)
 *         .clientId(System.getenv("GOOGLE_ID"))
 *         .clientSecret(System.getenv("GOOGLE_SECRET"))
 *         .build();
 * }</pre>
 */
public final class ProviderConfig {
    private final String id;
    private final ProviderType type;
    private final String name;
    private final String clientId;
    private final String clientSecret;
    private final URI issuer;
    private final List<String> scopes;
    private final URI authorizationEndpoint;
    private final URI tokenEndpoint;
    private final URI userinfoEndpoint;
    private final URI emailsEndpoint;
    private final URI jwksUri;
    private final boolean useUserinfo;
    private final boolean keepTokens;
    private final List<String> fields;
    private final LogoutMode logout;

    /** The form fields of a credentials provider when none are configured. */
    public static final List<String> DEFAULT_CREDENTIALS_FIELDS = List.of("email", "password");

    private ProviderConfig(Builder b) {
        this.id = b.id;
        this.type = b.type;
        this.name = b.name != null ? b.name : defaultName(b.id, b.type);
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.issuer = b.issuer;
        this.scopes = List.copyOf(b.scopes);
        this.authorizationEndpoint = b.authorizationEndpoint;
        this.tokenEndpoint = b.tokenEndpoint;
        this.userinfoEndpoint = b.userinfoEndpoint;
        this.emailsEndpoint = b.emailsEndpoint;
        this.jwksUri = b.jwksUri;
        this.useUserinfo = b.useUserinfo;
        this.keepTokens = b.keepTokens;
        this.fields = List.copyOf(b.fields);
        this.logout = b.logout;
    }

    private static String defaultName(String id, ProviderType type) {
        if (type == ProviderType.OIDC || type == ProviderType.CREDENTIALS) {
            return id.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + id.substring(1);
        }
        return type.displayName();
    }

    public static Builder builder(String id, ProviderType type) {
        return new Builder(id, type);
    }

    public String id() {
        return id;
    }

    public ProviderType type() {
        return type;
    }

    /** Display name for the sign-in page. */
    public String name() {
        return name;
    }

    public String clientId() {
        return clientId;
    }

    public Optional<String> clientSecret() {
        return Optional.ofNullable(clientSecret);
    }

    public Optional<URI> issuer() {
        return Optional.ofNullable(issuer);
    }

    /** The configured scopes; empty means the type's defaults. */
    public List<String> scopes() {
        return scopes;
    }

    public Optional<URI> authorizationEndpoint() {
        return Optional.ofNullable(authorizationEndpoint);
    }

    public Optional<URI> tokenEndpoint() {
        return Optional.ofNullable(tokenEndpoint);
    }

    public Optional<URI> userinfoEndpoint() {
        return Optional.ofNullable(userinfoEndpoint);
    }

    public Optional<URI> emailsEndpoint() {
        return Optional.ofNullable(emailsEndpoint);
    }

    public Optional<URI> jwksUri() {
        return Optional.ofNullable(jwksUri);
    }

    public boolean useUserinfo() {
        return useUserinfo;
    }

    /** Keep this provider's tokens for {@code @Current ProviderTokens} (see {@link ProviderKey#KEEP_TOKENS}). */
    public boolean keepTokens() {
        return keepTokens;
    }

    /**
     * Credentials providers: the form fields the application's {@code CredentialsSubmitted} observer reads,
     * in form order (default {@code email, password}); a field named like a secret ({@code password},
     * {@code secret}, {@code passcode}, {@code otp}, {@code pin}) is masked on the built-in page. The first other
     * field is the login name that {@code AuthFailed} reports. Empty for other kinds.
     */
    public List<String> fields() {
        return type == ProviderType.CREDENTIALS && fields.isEmpty() ? DEFAULT_CREDENTIALS_FIELDS : fields;
    }

    /** What a sign-out of a session from this provider ends when the request does not say ({@link LogoutMode#LOCAL}). */
    public LogoutMode logout() {
        return logout;
    }

    @Override
    public String toString() {
        return "ProviderConfig[id=" + id + ", type=" + type.id() + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "null" : "***") + ", issuer=" + issuer + "]";
    }

    /** Builds a {@link ProviderConfig}. */
    public static final class Builder {
        private final String id;
        private final ProviderType type;
        private String name;
        private String clientId;
        private String clientSecret;
        private URI issuer;
        private List<String> scopes = List.of();
        private URI authorizationEndpoint;
        private URI tokenEndpoint;
        private URI userinfoEndpoint;
        private URI emailsEndpoint;
        private URI jwksUri;
        private boolean useUserinfo;
        private boolean keepTokens;
        private List<String> fields = List.of();
        private LogoutMode logout = LogoutMode.LOCAL;

        private Builder(String id, ProviderType type) {
            this.id = Objects.requireNonNull(id, "id");
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        public Builder issuer(URI issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder scopes(List<String> scopes) {
            this.scopes = List.copyOf(scopes);
            return this;
        }

        public Builder authorizationEndpoint(URI uri) {
            this.authorizationEndpoint = uri;
            return this;
        }

        public Builder tokenEndpoint(URI uri) {
            this.tokenEndpoint = uri;
            return this;
        }

        public Builder userinfoEndpoint(URI uri) {
            this.userinfoEndpoint = uri;
            return this;
        }

        public Builder emailsEndpoint(URI uri) {
            this.emailsEndpoint = uri;
            return this;
        }

        public Builder jwksUri(URI uri) {
            this.jwksUri = uri;
            return this;
        }

        public Builder useUserinfo(boolean useUserinfo) {
            this.useUserinfo = useUserinfo;
            return this;
        }

        public Builder keepTokens(boolean keepTokens) {
            this.keepTokens = keepTokens;
            return this;
        }

        /** Credentials providers: the form fields (see {@link ProviderConfig#fields()}). */
        public Builder fields(List<String> fields) {
            this.fields = List.copyOf(fields);
            return this;
        }

        /** What a sign-out ends by default (see {@link ProviderConfig#logout()}). */
        public Builder logout(LogoutMode logout) {
            this.logout = Objects.requireNonNull(logout, "logout");
            return this;
        }

        public ProviderConfig build() {
            return new ProviderConfig(this);
        }
    }
}
