package dev.lumina.auth.internal.oauth;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.config.ProviderKey;
import dev.lumina.auth.internal.config.ProviderUrls;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Discovery of an OpenID Connect provider ({@code <issuer>/.well-known/openid-configuration}), fetched on
 * first use rather than at deployment, so that an application starts while its provider is down. A
 * document is kept for {@link #SUCCESS_TTL}; a failure only for {@link #FAILURE_TTL}, so that a provider
 * that comes back is used again without a restart (S76) while a flood of sign-ins does not hammer one that
 * is down. A document whose {@code issuer} is not exactly the configured issuer is refused (Discovery 4.3),
 * and so is one with an endpoint that is not {@code https} (plain {@code http} only on loopback).
 */
public final class OidcDiscovery {
    static final Duration SUCCESS_TTL = Duration.ofHours(1);
    static final Duration FAILURE_TTL = Duration.ofSeconds(2);
    private static final LuminaLog LOG = LuminaLog.of(OidcDiscovery.class);

    private final OutboundHttp http;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    /** One lock per issuer: a provider that stalls never holds up another one's discovery. */
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    private record Entry(OidcMetadata metadata, AuthException failure, Instant until) {
    }

    public OidcDiscovery(OutboundHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * The provider's metadata, with the configured overrides applied.
     *
     * @throws AuthException {@code provider_unavailable} when the provider cannot be reached,
     *                       {@code provider_error} when its document is unusable
     */
    public OidcMetadata metadata(ProviderConfig provider, URI issuer) {
        if (provider.authorizationEndpoint().isPresent() && provider.tokenEndpoint().isPresent() && provider.jwksUri().isPresent()) {
            return withOverrides(provider, new OidcMetadata(issuer.toString(), null, null, null, null, Set.of("RS256"), List.of(), false, null));
        }
        String key = issuer.toString();
        Entry e = cache.get(key);
        if (e == null || !clock.instant().isBefore(e.until())) {
            synchronized (locks.computeIfAbsent(key, k -> new Object())) {
                e = cache.get(key);
                if (e == null || !clock.instant().isBefore(e.until())) {
                    e = fetch(provider.id(), issuer);
                    cache.put(key, e);
                }
            }
        }
        if (e.failure() != null) {
            throw e.failure();
        }
        return withOverrides(provider, e.metadata());
    }

    private Entry fetch(String providerId, URI issuer) {
        String base = issuer.toString().endsWith("/") ? issuer.toString().substring(0, issuer.toString().length() - 1) : issuer.toString();
        URI url = URI.create(base + "/.well-known/openid-configuration");
        try {
            OidcMetadata m = parse(providerId, issuer.toString(), http.get(url, Map.of("Accept", "application/json")));
            return new Entry(m, null, clock.instant().plus(SUCCESS_TTL));
        } catch (HttpCallFailed f) {
            LOG.log(LogMessage.DISCOVERY_FAILED, providerId, f.getMessage(), FAILURE_TTL);
            AuthError error = f.kind() == HttpCallFailed.Kind.UNREACHABLE ? AuthError.PROVIDER_UNAVAILABLE : AuthError.PROVIDER_ERROR;
            return new Entry(null, new AuthException(error, "discovery failed: " + f.getMessage()), clock.instant().plus(FAILURE_TTL));
        } catch (AuthException a) {
            return new Entry(null, a, clock.instant().plus(FAILURE_TTL));
        }
    }

    /** The document read; package-private for the fuzz tests, which call it without network. */
    static OidcMetadata parse(String providerId, String issuer, HttpReply reply) {
        if (reply.status() >= 500) {
            LOG.log(LogMessage.DISCOVERY_STATUS, providerId, reply.status());
            throw new AuthException(AuthError.PROVIDER_UNAVAILABLE, "discovery answered " + reply.status());
        }
        JsonObject doc = reply.jsonObject().filter(o -> reply.isSuccess())
                .orElseThrow(() -> unusable(providerId, "status " + reply.status() + " or not a JSON object"));
        String advertised = string(doc, "issuer").orElse("");
        if (!advertised.equals(issuer)) {
            LOG.log(LogMessage.DISCOVERY_ISSUER_MISMATCH, providerId, advertised, ProviderKey.ISSUER.key(providerId), issuer);
            throw new AuthException(AuthError.PROVIDER_ERROR, "discovery issuer mismatch");
        }
        URI authorization = uri(providerId, doc, "authorization_endpoint").orElseThrow(() -> unusable(providerId, "no authorization_endpoint"));
        URI token = uri(providerId, doc, "token_endpoint").orElseThrow(() -> unusable(providerId, "no token_endpoint"));
        URI jwks = uri(providerId, doc, "jwks_uri").orElseThrow(() -> unusable(providerId, "no jwks_uri"));
        Set<String> algs = new LinkedHashSet<>(strings(doc, "id_token_signing_alg_values_supported"));
        if (algs.isEmpty()) {
            algs.add("RS256"); // OIDC Discovery 3: RS256 must be supported
        }
        List<String> methods = strings(doc, "token_endpoint_auth_methods_supported");
        return new OidcMetadata(issuer, authorization, token, uri(providerId, doc, "userinfo_endpoint").orElse(null), jwks,
                Set.copyOf(algs), methods.isEmpty() ? List.of("client_secret_basic") : methods,
                JsonValue.TRUE.equals(doc.get("authorization_response_iss_parameter_supported")),
                uri(providerId, doc, "end_session_endpoint").orElse(null));
    }

    private static OidcMetadata withOverrides(ProviderConfig p, OidcMetadata m) {
        return new OidcMetadata(m.issuer(),
                p.authorizationEndpoint().orElse(m.authorizationEndpoint()),
                p.tokenEndpoint().orElse(m.tokenEndpoint()),
                p.userinfoEndpoint().orElse(m.userinfoEndpoint()),
                p.jwksUri().orElse(m.jwksUri()),
                m.signingAlgorithms(), m.tokenEndpointAuthMethods().isEmpty() ? List.of("client_secret_basic") : m.tokenEndpointAuthMethods(),
                m.issParameterSupported(), m.endSessionEndpoint());
    }

    private static AuthException unusable(String providerId, String why) {
        LOG.log(LogMessage.DISCOVERY_UNUSABLE, providerId, why);
        return new AuthException(AuthError.PROVIDER_ERROR, "discovery document unusable: " + why);
    }

    private static Optional<String> string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    /**
     * An endpoint of the document: absent when not given; a value that is not an absolute {@code https} URL
     * (plain {@code http} only on loopback, {@link ProviderUrls}) makes the whole document unusable, named in
     * the log line.
     */
    private static Optional<URI> uri(String providerId, JsonObject o, String name) {
        Optional<String> value = string(o, name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        URI u;
        try {
            u = new URI(value.get());
        } catch (java.net.URISyntaxException e) {
            throw unusable(providerId, name + " is not a URL");
        }
        String problem = ProviderUrls.problem(u);
        if (problem != null) {
            throw unusable(providerId, name + " '" + LuminaLog.sanitize(u) + "' " + problem);
        }
        return Optional.of(u);
    }

    private static List<String> strings(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        return v.asJsonArray().stream().filter(x -> x instanceof JsonString).map(x -> ((JsonString) x).getString()).toList();
    }
}
