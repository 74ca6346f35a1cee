package dev.lumina.auth.internal.config;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ConfigKey;
import dev.lumina.auth.config.LogoutMode;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.config.ProviderKey;
import dev.lumina.auth.config.ProviderType;
import dev.lumina.auth.config.RevocationConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a whole {@link AuthConfig}, however it was made, and names the key of every problem. A
 * deployment with any problem fails: Lumina never invents a secret nor guesses a setting.
 */
public final class ConfigValidator {
    /** RFC 7518 section 3.2: an HMAC key at least as long as the hash. */
    public static final int MIN_SECRET_BYTES = 32;
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    public static final Duration MAX_FLOW_AGE = Duration.ofMinutes(15);
    /** Access tokens live minutes to hours; a larger margin would refresh on every call. */
    public static final Duration MAX_REFRESH_MARGIN = Duration.ofMinutes(30);
    /** One or more path segments; none is "." or ".." (the URL would not stay under the application). */
    private static final Pattern BASE_PATH = Pattern.compile("(/(?!\\.{1,2}(?:/|$))[A-Za-z0-9._~-]+)+");
    /** Where Lumina's resources are bound inside (jaxrs.Endpoints.ROOT); never a public path. */
    private static final String RESERVED_BASE_PATH = "/_lumina-auth";
    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Set<String> RESERVED_FIELDS = Set.of("csrfToken", "callbackUrl", "errorUrl");
    private static final int MAX_CREDENTIALS_FIELDS = 8;

    private ConfigValidator() {
    }

    public static List<String> problems(AuthConfig c) {
        List<String> p = new ArrayList<>();
        String secret = ConfigKey.SECRET.key();
        if (c.secrets().isEmpty()) {
            p.add(secret + " is not set: set it (or the environment variable " + ConfigKey.SECRET.environmentVariable()
                    + ") to a random value of at least " + MIN_SECRET_BYTES + " bytes, e.g. the output of `openssl rand -base64 32`");
        }
        for (int i = 0; i < c.secrets().size(); i++) {
            int len = c.secrets().get(i).length;
            if (len < MIN_SECRET_BYTES) {
                p.add(secret + ": secret #" + (i + 1) + " is " + len + " bytes; at least " + MIN_SECRET_BYTES + " are needed");
            }
        }
        if (c.clockSkew().isNegative() || c.clockSkew().compareTo(MAX_CLOCK_SKEW) > 0) {
            p.add(ConfigKey.CLOCK_SKEW.key() + " must be between PT0S and " + MAX_CLOCK_SKEW);
        }
        positive(p, ConfigKey.SESSION_MAX_AGE, c.sessionMaxAge());
        positive(p, ConfigKey.SESSION_ABSOLUTE_MAX_AGE, c.sessionAbsoluteMaxAge());
        positive(p, ConfigKey.HTTP_CONNECT_TIMEOUT, c.httpConnectTimeout());
        positive(p, ConfigKey.HTTP_READ_TIMEOUT, c.httpReadTimeout());
        positive(p, ConfigKey.JWKS_MAX_AGE, c.jwksMaxAge());
        if (c.tokens().refreshMargin().isNegative() || c.tokens().refreshMargin().compareTo(MAX_REFRESH_MARGIN) > 0) {
            p.add(ConfigKey.TOKENS_REFRESH_MARGIN.key() + " must be between PT0S and " + MAX_REFRESH_MARGIN);
        }
        if (c.sessionAbsoluteMaxAge().compareTo(c.sessionMaxAge()) < 0) {
            p.add(ConfigKey.SESSION_ABSOLUTE_MAX_AGE.key() + " must not be shorter than " + ConfigKey.SESSION_MAX_AGE.key());
        }
        if (c.sessionUpdateAge().isNegative() || c.sessionUpdateAge().compareTo(c.sessionMaxAge()) >= 0) {
            p.add(ConfigKey.SESSION_UPDATE_AGE.key() + " must be shorter than " + ConfigKey.SESSION_MAX_AGE.key());
        }
        if ((c.flowMaxAge().isZero() || c.flowMaxAge().isNegative()) || c.flowMaxAge().compareTo(MAX_FLOW_AGE) > 0) {
            p.add(ConfigKey.FLOW_MAX_AGE.key() + " must be between PT1S and " + MAX_FLOW_AGE);
        }
        if (c.httpMaxResponseBytes() < 1024) {
            p.add(ConfigKey.HTTP_MAX_RESPONSE_BYTES.key() + " must be at least 1024");
        }
        c.baseUrl().ifPresent(u -> {
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("http") && !ProviderUrls.isLoopback(u.getHost())) {
                p.add(ConfigKey.BASE_URL.key() + " is plain http on a host other than localhost: use https "
                        + "(session cookies must be Secure); plain http is only for localhost development");
            }
        });
        if (!BASE_PATH.matcher(c.basePath()).matches() || c.basePath().startsWith(RESERVED_BASE_PATH)) {
            p.add(ConfigKey.BASE_PATH.key() + " is '" + c.basePath() + "': use a path such as /auth or /api/auth "
                    + "(a leading /, segments of letters, digits, '.', '_', '~' and '-', no trailing /; not /_lumina-auth)");
        }
        for (String origin : c.allowedOrigins()) {
            if (!isOrigin(origin)) {
                p.add(ConfigKey.ALLOWED_ORIGINS.key() + ": '" + origin + "' is not an origin like https://app.example.com");
            }
        }
        revocationProblems(p, c.revocation());
        Set<String> ids = new HashSet<>();
        for (ProviderConfig provider : c.providers()) {
            providerProblems(p, provider);
            if (!ids.add(provider.id())) {
                p.add(ConfigKey.PROVIDERS_PREFIX + provider.id() + " is configured twice");
            }
        }
        return p;
    }

    private static void revocationProblems(List<String> p, RevocationConfig r) {
        if (r.cacheName().isBlank()) {
            p.add(ConfigKey.REVOCATION_CACHE_NAME.key() + " is empty: name the JCache cache of revocations");
        }
        if (r.store() == RevocationConfig.Store.JCACHE && !onClassPath("javax.cache.Caching")) {
            p.add(ConfigKey.REVOCATION_STORE.key() + " is jcache, but the JCache API (javax.cache:cache-api) is not on the "
                    + "class path: use a server that provides JCache (Payara) or add a JCache provider to the application");
        }
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, ConfigValidator.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static void providerProblems(List<String> p, ProviderConfig provider) {
        String id = provider.id();
        if (!PROVIDER_ID.matcher(id).matches()) {
            p.add(ConfigKey.PROVIDERS_PREFIX + id + ": a provider id is lower-case letters, digits, '-' and '_' (at most 40)");
            return;
        }
        if (provider.logout() == LogoutMode.PROVIDER && provider.type() != ProviderType.OIDC && provider.type() != ProviderType.GOOGLE) {
            p.add(ProviderKey.LOGOUT.key(id) + " is 'provider', but only an OpenID Connect provider can end its session "
                    + "(RP-Initiated Logout); use local");
        }
        if (provider.type() == ProviderType.CREDENTIALS) {
            if (provider.keepTokens()) {
                p.add(ProviderKey.KEEP_TOKENS.key(id) + " is set on a credentials provider, which has no tokens");
            }
            credentialsProblems(p, provider);
            return;
        }
        if (provider.clientId() == null || provider.clientId().isBlank()) {
            p.add(ProviderKey.CLIENT_ID.key(id) + " is not set: provider '" + id + "' needs its OAuth client id");
        }
        if (provider.type() == ProviderType.OIDC && provider.issuer().isEmpty()) {
            p.add(ProviderKey.ISSUER.key(id) + " is not set: an oidc provider needs its issuer URL");
        }
        providerUrl(p, ProviderKey.ISSUER.key(id), provider.issuer());
        providerUrl(p, ProviderKey.AUTHORIZATION_ENDPOINT.key(id), provider.authorizationEndpoint());
        providerUrl(p, ProviderKey.TOKEN_ENDPOINT.key(id), provider.tokenEndpoint());
        providerUrl(p, ProviderKey.USERINFO_ENDPOINT.key(id), provider.userinfoEndpoint());
        providerUrl(p, ProviderKey.EMAILS_ENDPOINT.key(id), provider.emailsEndpoint());
        providerUrl(p, ProviderKey.JWKS_URI.key(id), provider.jwksUri());
    }

    /** Plain http only on loopback, as for base-url: a provider's URLs carry codes, secrets and tokens. */
    private static void providerUrl(List<String> p, String key, java.util.Optional<java.net.URI> url) {
        url.ifPresent(u -> {
            String problem = ProviderUrls.problem(u);
            if (problem != null) {
                p.add(key + " = '" + u + "' " + problem);
            }
        });
    }

    private static void credentialsProblems(List<String> p, ProviderConfig provider) {
        List<String> fields = provider.fields();
        if (fields.size() > MAX_CREDENTIALS_FIELDS) {
            p.add(ProviderKey.FIELDS.key(provider.id()) + " lists " + fields.size() + " fields; at most "
                    + MAX_CREDENTIALS_FIELDS + " are allowed");
        }
        for (String f : fields) {
            if (!FIELD_NAME.matcher(f).matches() || RESERVED_FIELDS.contains(f)) {
                p.add(ProviderKey.FIELDS.key(provider.id()) + ": '" + f + "' is not a usable field name (letters, digits, "
                        + "'-', '_', at most 64; not csrfToken, callbackUrl nor errorUrl)");
            }
        }
        if (new HashSet<>(fields).size() != fields.size()) {
            p.add(ProviderKey.FIELDS.key(provider.id()) + " names a field twice");
        }
    }

    private static void positive(List<String> p, ConfigKey key, Duration d) {
        if (d.isZero() || d.isNegative()) {
            p.add(key.key() + " must be a positive duration");
        }
    }

    private static boolean isOrigin(String origin) {
        try {
            URI u = new URI(origin);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && u.getHost() != null
                    && (u.getRawPath() == null || u.getRawPath().isEmpty()) && u.getRawQuery() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
