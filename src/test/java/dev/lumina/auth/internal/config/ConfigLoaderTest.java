package dev.lumina.auth.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ConfigKey;
import dev.lumina.auth.config.RevocationConfig;
import dev.lumina.auth.config.TokenPolicy;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.config.ProviderType;
import dev.lumina.auth.testing.TestSecrets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static ConfigLoader.Result load(Map<String, String> values) {
        return ConfigLoader.load(ConfigSources.of(values));
    }

    private static Map<String, String> valid() {
        Map<String, String> m = new HashMap<>();
        m.put("lumina.auth.secret", TestSecrets.A);
        return m;
    }

    private static void assertProblemNames(List<String> problems, String key) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(key)), key + " not named in " + problems);
    }

    @Test
    void defaultsArePinned() {
        Map<ConfigKey, String> expected = new HashMap<>();
        expected.put(ConfigKey.SECRET, null);
        expected.put(ConfigKey.BASE_URL, null);
        expected.put(ConfigKey.BASE_PATH, "/auth");
        expected.put(ConfigKey.ALLOWED_ORIGINS, "");
        expected.put(ConfigKey.TRUST_FORWARDED_HEADERS, "false");
        expected.put(ConfigKey.CLOCK_SKEW, "PT60S");
        expected.put(ConfigKey.SESSION_MAX_AGE, "PT6H");
        expected.put(ConfigKey.SESSION_ABSOLUTE_MAX_AGE, "P7D");
        expected.put(ConfigKey.SESSION_UPDATE_AGE, "PT1H");
        expected.put(ConfigKey.SESSION_ENCRYPT, "false");
        expected.put(ConfigKey.FLOW_MAX_AGE, "PT10M");
        expected.put(ConfigKey.PAGES_SIGN_IN, null);
        expected.put(ConfigKey.PAGES_ERROR, null);
        expected.put(ConfigKey.HTTP_CONNECT_TIMEOUT, "PT5S");
        expected.put(ConfigKey.HTTP_READ_TIMEOUT, "PT10S");
        expected.put(ConfigKey.HTTP_MAX_RESPONSE_BYTES, "1048576");
        expected.put(ConfigKey.JWKS_REFRESH_COOLDOWN, "PT30S");
        expected.put(ConfigKey.JWKS_MAX_AGE, "PT1H");
        expected.put(ConfigKey.REVOCATION_STORE, "memory");
        expected.put(ConfigKey.REVOCATION_CACHE_NAME, "lumina-revocations");
        expected.put(ConfigKey.REVOCATION_JCACHE_PROVIDER, null);
        expected.put(ConfigKey.REVOCATION_JCACHE_URI, null);
        expected.put(ConfigKey.TOKENS_REFRESH_MARGIN, "PT1M");
        expected.put(ConfigKey.TOKENS_ON_REFRESH_FAILURE, "keep-session");
        for (ConfigKey key : ConfigKey.values()) {
            assertTrue(expected.containsKey(key), "new key " + key.key() + ": pin its default here and in the README");
            assertEquals(expected.get(key), key.defaultValue(), key.key());
        }
        AuthConfig c = load(valid()).config();
        assertEquals(Duration.ofHours(6), c.sessionMaxAge());
        assertEquals(Duration.ofDays(7), c.sessionAbsoluteMaxAge());
        assertEquals(Duration.ofSeconds(60), c.clockSkew());
        assertFalse(c.sessionEncrypt());
        assertFalse(c.trustForwardedHeaders());
        assertEquals(Duration.ofHours(1), c.jwksMaxAge());
        assertEquals(Duration.ofMinutes(1), c.tokens().refreshMargin());
        assertEquals(TokenPolicy.OnRefreshFailure.KEEP_SESSION, c.tokens().onRefreshFailure());
        assertFalse(c.providers().stream().anyMatch(p -> p.keepTokens()), "no provider keeps tokens unless told");
    }

    @Test
    void keepTokensIsPerProviderStrictAndRefusedForCredentials() {
        Map<String, String> m = valid();
        m.put("lumina.auth.providers.github.client-id", "id");
        m.put("lumina.auth.providers.github.keep-tokens", "true");
        m.put("lumina.auth.providers.google.client-id", "id");
        ConfigLoader.Result r = load(m);
        assertEquals(List.of(), r.problems());
        assertTrue(r.config().provider("github").orElseThrow().keepTokens());
        assertFalse(r.config().provider("google").orElseThrow().keepTokens());
        for (String bad : List.of("yes", "1", "on")) {
            Map<String, String> b = valid();
            b.put("lumina.auth.providers.github.client-id", "id");
            b.put("lumina.auth.providers.github.keep-tokens", bad);
            assertProblemNames(load(b).problems(), "lumina.auth.providers.github.keep-tokens");
        }
        Map<String, String> c = valid();
        c.put("lumina.auth.providers.local.type", "credentials");
        c.put("lumina.auth.providers.local.keep-tokens", "true");
        assertProblemNames(load(c).problems(), "lumina.auth.providers.local.keep-tokens");
    }

    @Test
    void tokenKeysAreReadAndCheckedNamingTheKey() {
        Map<String, String> m = valid();
        m.put("lumina.auth.tokens.refresh-margin", "PT2M");
        m.put("lumina.auth.tokens.on-refresh-failure", "Sign-Out");
        ConfigLoader.Result r = load(m);
        assertEquals(List.of(), r.problems());
        assertEquals(Duration.ofMinutes(2), r.config().tokens().refreshMargin());
        assertEquals(TokenPolicy.OnRefreshFailure.SIGN_OUT, r.config().tokens().onRefreshFailure());
        for (String[] bad : new String[][] {{"lumina.auth.tokens.refresh-margin", "PT31M"},
                {"lumina.auth.tokens.refresh-margin", "-PT1S"}, {"lumina.auth.tokens.refresh-margin", "a minute"},
                {"lumina.auth.tokens.on-refresh-failure", "logout"}, {"lumina.auth.tokens.on-refresh-failure", "sign_out"}}) {
            Map<String, String> b = valid();
            b.put(bad[0], bad[1]);
            List<String> problems = load(b).problems();
            assertEquals(1, problems.size(), bad[1] + ": " + problems);
            assertTrue(problems.get(0).contains(bad[0]), problems.get(0));
        }
    }

    @Test
    void revocationStoreIsReadAndAnUnknownOneIsAProblem() {
        assertEquals(RevocationConfig.memory(), load(valid()).config().revocation());
        Map<String, String> m = valid();
        m.put("lumina.auth.revocation.store", "JCache");
        m.put("lumina.auth.revocation.cache-name", "revoked");
        m.put("lumina.auth.revocation.jcache.provider", "com.example.Provider");
        m.put("lumina.auth.revocation.jcache.uri", "file:/etc/hazelcast.xml");
        ConfigLoader.Result r = load(m);
        assertEquals(List.of(), r.problems());
        assertEquals(RevocationConfig.jcache("revoked", "com.example.Provider", java.net.URI.create("file:/etc/hazelcast.xml")),
                r.config().revocation());
        for (String bad : List.of("redis", "mem", "memory,jcache")) {
            Map<String, String> b = valid();
            b.put("lumina.auth.revocation.store", bad);
            assertTrue(load(b).problems().stream().anyMatch(p -> p.contains("lumina.auth.revocation.store")), bad);
        }
        Map<String, String> relative = valid();
        relative.put("lumina.auth.revocation.jcache.uri", "hazelcast.xml");
        List<String> problems = load(relative).problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("lumina.auth.revocation.jcache.uri")), problems.toString());
        AuthConfig blankName = AuthConfig.builder().secrets("x".repeat(32))
                .revocation(new RevocationConfig(RevocationConfig.Store.JCACHE, " ", null, null)).build();
        problems = ConfigValidator.problems(blankName);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("lumina.auth.revocation.cache-name")), problems.toString());
    }

    @Test
    void jwksMaxAgeIsReadAndMustBePositive() {
        Map<String, String> m = valid();
        m.put("lumina.auth.jwks.max-age", "PT15M");
        ConfigLoader.Result r = load(m);
        assertEquals(List.of(), r.problems());
        assertEquals(Duration.ofMinutes(15), r.config().jwksMaxAge());
        for (String bad : List.of("PT0S", "-PT1M", "an hour")) {
            m.put("lumina.auth.jwks.max-age", bad);
            assertProblemNames(load(m).problems(), "lumina.auth.jwks.max-age");
        }
    }

    @Test
    void validConfigurationHasNoProblems() {
        Map<String, String> m = valid();
        m.put("lumina.auth.providers.google.client-id", "gid");
        m.put("lumina.auth.providers.corp.type", "oidc");
        m.put("lumina.auth.providers.corp.issuer", "https://login.corp.example");
        m.put("lumina.auth.providers.corp.client-id", "cid");
        m.put("lumina.auth.providers.corp.scopes", "openid email, profile");
        m.put("lumina.auth.providers.local.type", "credentials");
        m.put("lumina.auth.session.max-age", "pt2h");
        m.put("lumina.auth.allowed-origins", "https://app.example.com, http://localhost:5173");
        ConfigLoader.Result r = load(m);
        assertEquals(List.of(), r.problems());
        assertEquals(ProviderType.GOOGLE, r.config().provider("google").orElseThrow().type());
        ProviderConfig corp = r.config().provider("corp").orElseThrow();
        assertEquals(List.of("openid", "email", "profile"), corp.scopes());
        assertEquals(Duration.ofHours(2), r.config().sessionMaxAge());
        assertEquals(Set.of("https://app.example.com", "http://localhost:5173"), r.config().allowedOrigins());
    }

    @Test
    void s87_missingSecretFailsNamingTheKeyAndTheVariable() {
        List<String> problems = load(Map.of()).problems();
        assertProblemNames(problems, "lumina.auth.secret");
        assertProblemNames(problems, "LUMINA_AUTH_SECRET");
    }

    @Test
    void s87_shortSecretAndEmptyListFail() {
        assertProblemNames(load(Map.of("lumina.auth.secret", "0123456789abcdef")).problems(), "lumina.auth.secret");
        assertProblemNames(load(Map.of("lumina.auth.secret", " , ,")).problems(), "lumina.auth.secret");
        Map<String, String> rotation = Map.of("lumina.auth.secret", TestSecrets.A + ",short");
        assertTrue(load(rotation).problems().stream().anyMatch(p -> p.contains("secret #2")));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, String> m = new HashMap<>();
        m.put("lumina.auth.secret", "short");
        m.put("lumina.auth.providers.corp.type", "saml");
        m.put("lumina.auth.providers.google.client-secret", "s");
        m.put("lumina.auth.providers.mystery.client-id", "x");
        m.put("lumina.auth.providers.oidc1.type", "oidc");
        m.put("lumina.auth.providers.oidc1.client-id", "c");
        m.put("lumina.auth.clock-skew", "PT10M");
        m.put("lumina.auth.session.max-age", "six hours");
        m.put("lumina.auth.base-url", "http://app.example.com");
        List<String> p = load(m).problems();
        assertProblemNames(p, "lumina.auth.secret");
        assertProblemNames(p, "lumina.auth.providers.corp.type");
        assertProblemNames(p, "lumina.auth.providers.google.client-id");
        assertProblemNames(p, "lumina.auth.providers.mystery.type");
        assertProblemNames(p, "lumina.auth.providers.oidc1.issuer");
        assertProblemNames(p, "lumina.auth.clock-skew");
        assertProblemNames(p, "lumina.auth.session.max-age");
        assertProblemNames(p, "lumina.auth.base-url");
        assertEquals(8, p.size(), String.join("\n", p));
    }

    @Test
    void s21_plainPkceAndImplicitFlowFailDeployment() {
        Map<String, String> m = valid();
        m.put("lumina.auth.providers.google.client-id", "gid");
        m.put("lumina.auth.providers.google.pkce", "plain");
        m.put("lumina.auth.providers.google.response-type", "id_token token");
        List<String> p = load(m).problems();
        assertProblemNames(p, "lumina.auth.providers.google.pkce");
        assertProblemNames(p, "lumina.auth.providers.google.response-type");
    }

    @Test
    void s59_plainHttpBaseUrlOnlyForLocalhost() {
        Map<String, String> m = valid();
        m.put("lumina.auth.base-url", "http://localhost:8080");
        assertEquals(List.of(), load(m).problems());
        m.put("lumina.auth.base-url", "http://app.example.com");
        assertProblemNames(load(m).problems(), "lumina.auth.base-url");
    }

    @Test
    void basePathIsOneOrMoreSegmentsUnderTheApplicationRoot() {
        for (String good : List.of("/auth", "/api/auth", "/a.b/c_d/e-f~g", "/login")) {
            Map<String, String> m = valid();
            m.put("lumina.auth.base-path", good);
            ConfigLoader.Result r = load(m);
            assertEquals(List.of(), r.problems(), good);
            assertEquals(good, r.config().basePath());
        }
        for (String bad : List.of("/", "auth", "/auth/", "//auth", "/a/../b", "/..", "/./x", "/a b", "/a?b", "/a%2Fb",
                "/_lumina-auth", "/_lumina-auth/x")) {
            Map<String, String> m = valid();
            m.put("lumina.auth.base-path", bad);
            assertProblemNames(load(m).problems(), "lumina.auth.base-path");
        }
    }

    @Test
    void environmentStyleNamesFindProviders() {
        Map<String, String> env = new HashMap<>();
        env.put("LUMINA_AUTH_PROVIDERS_GOOGLE_CLIENT_ID", "gid");
        env.put("LUMINA_AUTH_PROVIDERS_MY_CORP_CLIENT_SECRET", "x");
        env.put("PATH", "/usr/bin");
        ConfigSource names = new ConfigSource() {
            @Override
            public java.util.Optional<String> get(String key) {
                return java.util.Optional.ofNullable(env.get(ConfigKey.environmentVariable(key)));
            }

            @Override
            public Set<String> propertyNames() {
                return env.keySet();
            }
        };
        assertEquals(Set.of("google", "my_corp"), names.providerIds());
        assertEquals("gid", names.get("lumina.auth.providers.google.client-id").orElseThrow());
    }

    @Test
    void firstSourceWins() {
        ConfigSource layered = ConfigSources.layered(List.of(
                ConfigSources.of(Map.of("lumina.auth.clock-skew", "PT10S")),
                ConfigSources.of(Map.of("lumina.auth.clock-skew", "PT20S", "lumina.auth.secret", TestSecrets.A))));
        ConfigLoader.Result r = ConfigLoader.load(layered);
        assertEquals(Duration.ofSeconds(10), r.config().clockSkew());
        assertEquals(List.of(), r.problems());
    }
}
