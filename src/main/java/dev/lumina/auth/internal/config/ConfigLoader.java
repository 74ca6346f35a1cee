package dev.lumina.auth.internal.config;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ConfigKey;
import dev.lumina.auth.config.LogoutMode;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.config.ProviderKey;
import dev.lumina.auth.config.ProviderType;
import dev.lumina.auth.config.RevocationConfig;
import dev.lumina.auth.config.TokenPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads {@link AuthConfig} from a {@link ConfigSource}. It never stops at the first problem: every
 * unreadable value is collected, naming its key, and {@link ConfigValidator} adds the rest.
 */
public final class ConfigLoader {
    private final ConfigSource source;
    private final List<String> problems = new ArrayList<>();

    private ConfigLoader(ConfigSource source) {
        this.source = source;
    }

    /** The configuration and every problem found in it (empty when it is usable). */
    public record Result(AuthConfig config, List<String> problems) {
    }

    public static Result load(ConfigSource source) {
        ConfigLoader loader = new ConfigLoader(source);
        AuthConfig config = loader.read();
        List<String> all = new ArrayList<>(loader.problems);
        all.addAll(ConfigValidator.problems(config));
        return new Result(config, List.copyOf(all));
    }

    private AuthConfig read() {
        AuthConfig.Builder b = AuthConfig.builder();
        source.get(ConfigKey.SECRET.key()).ifPresent(s -> b.secrets(list(s)));
        uri(ConfigKey.BASE_URL.key()).ifPresent(b::baseUrl);
        source.get(ConfigKey.BASE_PATH.key()).ifPresent(b::basePath);
        source.get(ConfigKey.ALLOWED_ORIGINS.key()).ifPresent(s -> b.allowedOrigins(new LinkedHashSet<>(list(s))));
        bool(ConfigKey.TRUST_FORWARDED_HEADERS, b::trustForwardedHeaders);
        duration(ConfigKey.CLOCK_SKEW, b::clockSkew);
        duration(ConfigKey.SESSION_MAX_AGE, b::sessionMaxAge);
        duration(ConfigKey.SESSION_ABSOLUTE_MAX_AGE, b::sessionAbsoluteMaxAge);
        duration(ConfigKey.SESSION_UPDATE_AGE, b::sessionUpdateAge);
        bool(ConfigKey.SESSION_ENCRYPT, b::sessionEncrypt);
        duration(ConfigKey.FLOW_MAX_AGE, b::flowMaxAge);
        source.get(ConfigKey.PAGES_SIGN_IN.key()).ifPresent(b::signInPage);
        source.get(ConfigKey.PAGES_ERROR.key()).ifPresent(b::errorPage);
        duration(ConfigKey.HTTP_CONNECT_TIMEOUT, b::httpConnectTimeout);
        duration(ConfigKey.HTTP_READ_TIMEOUT, b::httpReadTimeout);
        parse(ConfigKey.HTTP_MAX_RESPONSE_BYTES.key(), Integer::valueOf, "a number of bytes").ifPresent(b::httpMaxResponseBytes);
        duration(ConfigKey.JWKS_REFRESH_COOLDOWN, b::jwksRefreshCooldown);
        duration(ConfigKey.JWKS_MAX_AGE, b::jwksMaxAge);
        b.revocation(revocation());
        b.tokens(tokens());
        for (String id : source.providerIds()) {
            provider(id).ifPresent(b::provider);
        }
        return b.build();
    }

    private RevocationConfig revocation() {
        RevocationConfig.Store store = parse(ConfigKey.REVOCATION_STORE.key(), v -> RevocationConfig.Store.parse(v).orElseThrow(),
                "memory or jcache").orElse(RevocationConfig.Store.MEMORY);
        return new RevocationConfig(store,
                source.get(ConfigKey.REVOCATION_CACHE_NAME.key()).orElse(ConfigKey.REVOCATION_CACHE_NAME.defaultValue()),
                source.get(ConfigKey.REVOCATION_JCACHE_PROVIDER.key()).orElse(null),
                parse(ConfigKey.REVOCATION_JCACHE_URI.key(), ConfigLoader::absoluteAnyUri, "an absolute URI such as "
                        + "file:/etc/hazelcast.xml or classpath:hazelcast.xml").orElse(null));
    }

    private Optional<ProviderConfig> provider(String id) {
        Optional<String> typeValue = source.get(ProviderKey.TYPE.key(id));
        Optional<ProviderType> type = typeValue.isPresent()
                ? ProviderType.parse(typeValue.get())
                : ProviderType.parse(id).filter(t -> t == ProviderType.GOOGLE || t == ProviderType.GITHUB);
        if (type.isEmpty()) {
            problems.add(ProviderKey.TYPE.key(id) + (typeValue.isPresent()
                    ? " is '" + typeValue.get() + "', an unknown provider type: use oidc, google, github or credentials"
                    : " is not set: set it to oidc, google, github or credentials"));
            return Optional.empty();
        }
        source.get(ProviderKey.PKCE.key(id)).filter(v -> !v.equals("S256")).ifPresent(v ->
                problems.add(ProviderKey.PKCE.key(id) + " is '" + v + "': only S256 is supported (plain PKCE gives no protection)"));
        source.get(ProviderKey.RESPONSE_TYPE.key(id)).filter(v -> !v.equals("code")).ifPresent(v ->
                problems.add(ProviderKey.RESPONSE_TYPE.key(id) + " is '" + v + "': only the authorization code flow (code) is supported"));
        ProviderConfig.Builder p = ProviderConfig.builder(id, type.get());
        source.get(ProviderKey.NAME.key(id)).ifPresent(p::name);
        source.get(ProviderKey.CLIENT_ID.key(id)).ifPresent(p::clientId);
        source.get(ProviderKey.CLIENT_SECRET.key(id)).ifPresent(p::clientSecret);
        uri(ProviderKey.ISSUER.key(id)).ifPresent(p::issuer);
        source.get(ProviderKey.SCOPES.key(id)).ifPresent(s -> p.scopes(Arrays.stream(s.split("[\\s,]+")).filter(x -> !x.isEmpty()).toList()));
        uri(ProviderKey.AUTHORIZATION_ENDPOINT.key(id)).ifPresent(p::authorizationEndpoint);
        uri(ProviderKey.TOKEN_ENDPOINT.key(id)).ifPresent(p::tokenEndpoint);
        uri(ProviderKey.USERINFO_ENDPOINT.key(id)).ifPresent(p::userinfoEndpoint);
        uri(ProviderKey.EMAILS_ENDPOINT.key(id)).ifPresent(p::emailsEndpoint);
        uri(ProviderKey.JWKS_URI.key(id)).ifPresent(p::jwksUri);
        parse(ProviderKey.USE_USERINFO.key(id), ConfigLoader::strictBoolean, "true or false").ifPresent(p::useUserinfo);
        parse(ProviderKey.KEEP_TOKENS.key(id), ConfigLoader::strictBoolean, "true or false").ifPresent(p::keepTokens);
        source.get(ProviderKey.FIELDS.key(id)).ifPresent(s -> p.fields(list(s)));
        parse(ProviderKey.LOGOUT.key(id), v -> LogoutMode.parse(v).orElseThrow(), "local or provider").ifPresent(p::logout);
        return Optional.of(p.build());
    }

    private TokenPolicy tokens() {
        TokenPolicy d = TokenPolicy.DEFAULT;
        Duration margin = parse(ConfigKey.TOKENS_REFRESH_MARGIN.key(), ConfigLoader::duration,
                "an ISO-8601 duration such as PT1M").orElse(d.refreshMargin());
        TokenPolicy.OnRefreshFailure failure = parse(ConfigKey.TOKENS_ON_REFRESH_FAILURE.key(),
                v -> TokenPolicy.OnRefreshFailure.parse(v).orElseThrow(), "keep-session or sign-out").orElse(d.onRefreshFailure());
        return new TokenPolicy(margin, failure);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private void duration(ConfigKey key, Consumer<Duration> target) {
        parse(key.key(), ConfigLoader::duration, "an ISO-8601 duration such as PT30S, PT6H or P7D").ifPresent(target);
    }

    private void bool(ConfigKey key, Consumer<Boolean> target) {
        parse(key.key(), ConfigLoader::strictBoolean, "true or false").ifPresent(target);
    }

    private Optional<URI> uri(String key) {
        return parse(key, ConfigLoader::absoluteUri, "an absolute http(s) URL");
    }

    private <T> Optional<T> parse(String key, Function<String, T> parser, String expected) {
        Optional<String> raw = source.get(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(raw.get()));
        } catch (RuntimeException e) {
            problems.add(key + " is not " + expected);
            return Optional.empty();
        }
    }

    static Duration duration(String value) {
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Boolean strictBoolean(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(value);
        }
        return Boolean.valueOf(v);
    }

    private static URI absoluteAnyUri(String value) {
        URI uri = URI.create(value.trim());
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException(value);
        }
        return uri;
    }

    private static URI absoluteUri(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException(value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
