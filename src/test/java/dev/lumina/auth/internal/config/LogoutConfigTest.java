package dev.lumina.auth.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.config.LogoutMode;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.config.ProviderType;
import dev.lumina.auth.testing.TestSecrets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code lumina.auth.providers.<id>.logout}: local (default) or provider, for OpenID Connect providers only. */
class LogoutConfigTest {
    private static ConfigLoader.Result load(String type, String logout) {
        Map<String, String> m = new HashMap<>();
        m.put("lumina.auth.secret", TestSecrets.A);
        m.put("lumina.auth.providers.p.type", type);
        m.put("lumina.auth.providers.p.client-id", "c");
        m.put("lumina.auth.providers.p.issuer", "https://login.example");
        if (logout != null) {
            m.put("lumina.auth.providers.p.logout", logout);
        }
        return ConfigLoader.load(ConfigSources.of(m));
    }

    @Test
    void localByDefaultProviderWhenSetAnyCase() {
        assertEquals(LogoutMode.LOCAL, load("oidc", null).config().provider("p").orElseThrow().logout());
        assertEquals(LogoutMode.LOCAL, ProviderConfig.builder("x", ProviderType.OIDC).build().logout());
        for (String v : List.of("provider", "PROVIDER", " Provider ")) {
            ConfigLoader.Result r = load("oidc", v);
            assertEquals(List.of(), r.problems(), v);
            assertEquals(LogoutMode.PROVIDER, r.config().provider("p").orElseThrow().logout(), v);
        }
        assertEquals(LogoutMode.LOCAL, load("google", "local").config().provider("p").orElseThrow().logout());
        assertEquals(List.of(), load("google", "provider").problems(), "Google is OpenID Connect");
    }

    @Test
    void anUnknownValueOrAProviderThatCannotEndItsSessionFailsNamingTheKey() {
        for (String v : List.of("everywhere", "true", "local,provider")) {
            List<String> problems = load("oidc", v).problems();
            assertTrue(problems.stream().anyMatch(p -> p.contains("lumina.auth.providers.p.logout") && p.contains("local or provider")),
                    v + ": " + problems);
        }
        for (String type : List.of("github", "credentials")) {
            List<String> problems = load(type, "provider").problems();
            assertTrue(problems.stream().anyMatch(p -> p.contains("lumina.auth.providers.p.logout") && p.contains("OpenID Connect")),
                    type + ": " + problems);
        }
    }
}
