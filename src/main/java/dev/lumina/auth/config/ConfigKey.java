package dev.lumina.auth.config;

import java.util.Locale;

/**
 * Every configuration key of Lumina with its default: the one place defaults live. Keys are read from
 * MicroProfile Config when the runtime has it, else system properties, else environment variables (the
 * key upper-cased, dots and dashes as underscores: {@code LUMINA_AUTH_SECRET}).
 *
 * <pre>{@code
 * String skew = ConfigKey.CLOCK_SKEW.defaultValue();   // "PT60S"
 * }</pre>
 *
 * Provider keys are {@code lumina.auth.providers.<id>.<key>} with the keys of {@link ProviderKey}.
 */
public enum ConfigKey {
    SECRET("lumina.auth.secret", null,
            "Secrets of at least 32 bytes, comma-separated: the first signs, all verify (rotation). Required."),
    BASE_URL("lumina.auth.base-url", null,
            "Public URL of the JAX-RS application root (where the base path lives), e.g. https://app.example.com/api. "
                    + "Decides redirect_uri and Secure cookies; unset: taken from the request."),
    BASE_PATH("lumina.auth.base-path", "/auth",
            "Path of Lumina's endpoints, pages and client.js under the JAX-RS application root, e.g. /auth or /api/auth."),
    ALLOWED_ORIGINS("lumina.auth.allowed-origins", "",
            "Origins (comma-separated) that callback and error URLs may point to, besides relative paths."),
    TRUST_FORWARDED_HEADERS("lumina.auth.trust-forwarded-headers", "false",
            "Trust X-Forwarded-Proto/Host/Port/For (only behind a proxy that sets them)."),
    CLOCK_SKEW("lumina.auth.clock-skew", "PT60S",
            "Clock skew allowed when checking exp/iat/nbf (at most PT5M)."),
    SESSION_MAX_AGE("lumina.auth.session.max-age", "PT6H",
            "Idle lifetime of a session; each renewal extends it up to the absolute limit."),
    SESSION_ABSOLUTE_MAX_AGE("lumina.auth.session.absolute-max-age", "P7D",
            "Absolute lifetime of a session from sign-in, whatever the renewals."),
    SESSION_UPDATE_AGE("lumina.auth.session.update-age", "PT1H",
            "A session cookie older than this is re-issued (sliding renewal)."),
    SESSION_ENCRYPT("lumina.auth.session.encrypt", "false",
            "Encrypt the session token (JWE dir + A256GCM) instead of only signing it (JWS HS256)."),
    FLOW_MAX_AGE("lumina.auth.flow.max-age", "PT10M",
            "Lifetime of a sign-in in progress (the flow cookie), at most PT15M."),
    PAGES_SIGN_IN("lumina.auth.pages.sign-in", null,
            "Your own sign-in page (path or URL); unset: the built-in page <application root>/auth/signin."),
    PAGES_ERROR("lumina.auth.pages.error", null,
            "Your own error page (path or URL), used when a sign-in gives no error URL; unset: <application root>/auth/error."),
    HTTP_CONNECT_TIMEOUT("lumina.auth.http.connect-timeout", "PT5S",
            "Connect timeout of calls to providers."),
    HTTP_READ_TIMEOUT("lumina.auth.http.read-timeout", "PT10S",
            "Timeout of a whole provider response."),
    HTTP_MAX_RESPONSE_BYTES("lumina.auth.http.max-response-bytes", "1048576",
            "Largest provider response read."),
    JWKS_REFRESH_COOLDOWN("lumina.auth.jwks.refresh-cooldown", "PT30S",
            "Least time between two JWKS fetches caused by an unknown kid."),
    JWKS_MAX_AGE("lumina.auth.jwks.max-age", "PT1H",
            "Longest a provider's signing keys (JWKS) are trusted before they are fetched again; a shorter Cache-Control "
                    + "max-age of the JWKS answer wins, though never below PT1M. Keys that cannot be fetched again are "
                    + "used at most this long again, then sign-ins fail with provider_unavailable."),
    REVOCATION_STORE("lumina.auth.revocation.store", "memory",
            "Where revocations are kept: memory (this node only) or jcache (a JCache cache every node shares)."),
    REVOCATION_CACHE_NAME("lumina.auth.revocation.cache-name", "lumina-revocations",
            "Name of the JCache cache of revocations (created when missing)."),
    REVOCATION_JCACHE_PROVIDER("lumina.auth.revocation.jcache.provider", null,
            "Class name of the JCache CachingProvider; unset: the default one (Caching.getCachingProvider())."),
    REVOCATION_JCACHE_URI("lumina.auth.revocation.jcache.uri", null,
            "Configuration URI handed to the JCache provider, the same on every node; unset: the provider's default."),
    TOKENS_REFRESH_MARGIN("lumina.auth.tokens.refresh-margin", "PT1M",
            "ProviderTokens.accessToken() returns a token valid for at least this long, refreshing it first when needed."),
    TOKENS_ON_REFRESH_FAILURE("lumina.auth.tokens.on-refresh-failure", "keep-session",
            "When the provider refuses a refresh: keep-session (the session goes on without provider tokens) or sign-out.");

    /** Prefix of the provider keys: {@code lumina.auth.providers.<id>.<key>}. */
    public static final String PROVIDERS_PREFIX = "lumina.auth.providers.";

    private final String key;
    private final String defaultValue;
    private final String description;

    ConfigKey(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The property name, e.g. {@code lumina.auth.secret}. */
    public String key() {
        return key;
    }

    /** The default as it would be written in a property, or {@code null} when there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The default of a duration key, e.g. {@code PT60S}. */
    public java.time.Duration defaultDuration() {
        return java.time.Duration.parse(defaultValue);
    }

    public String description() {
        return description;
    }

    /** The environment variable name, e.g. {@code LUMINA_AUTH_SECRET}. */
    public String environmentVariable() {
        return environmentVariable(key);
    }

    /** The environment variable for any property name: upper case, non-alphanumerics as {@code _}. */
    public static String environmentVariable(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
