package dev.lumina.auth.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.testing.TestSecrets;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** S93: a provider's URLs are https, or plain http on loopback only; anything else fails the deployment naming the key. */
class ProviderUrlsTest {
    private static final List<String> KEYS = List.of("issuer", "authorization-endpoint", "token-endpoint",
            "userinfo-endpoint", "jwks-uri");
    private static final List<String> REFUSED = List.of("http://login.example.com", "http://10.0.0.5:8080/realms/x",
            "http://192.168.1.1", "http://[fe80::1]/", "http://localhost.evil.example", "http://127.0.0.1.nip.io",
            "http://0.0.0.0:8080", "HTTP://login.example.com", "ftp://login.example.com", "file:///etc/passwd",
            "https:opaque", "//login.example.com", "http://user@127.0.0.1/");
    private static final List<String> ALLOWED = List.of("https://login.example.com", "HTTPS://Login.Example.com/realms/x",
            "http://localhost:8080", "http://LOCALHOST/x", "http://127.0.0.1:9000/t", "http://127.1.2.3", "http://[::1]:8080/");

    private static Map<String, String> oidc(String key, String value) {
        Map<String, String> m = new HashMap<>();
        m.put("lumina.auth.secret", TestSecrets.A);
        m.put("lumina.auth.providers.corp.type", "oidc");
        m.put("lumina.auth.providers.corp.issuer", "https://login.example.com");
        m.put("lumina.auth.providers.corp.client-id", "lumina");
        m.put("lumina.auth.providers.corp." + key, value);
        return m;
    }

    @Test
    void s93_plainHttpProviderUrlOnAnotherHostFailsDeploymentNamingTheKey() {
        for (String key : KEYS) {
            for (String url : REFUSED) {
                List<String> problems = ConfigLoader.load(ConfigSources.of(oidc(key, url))).problems();
                String full = "lumina.auth.providers.corp." + key;
                assertTrue(problems.stream().anyMatch(p -> p.startsWith(full + " ")), full + "=" + url + ": " + problems);
            }
        }
    }

    @Test
    void s93_githubEmailsEndpointFollowsTheSameRule() {
        Map<String, String> m = new HashMap<>();
        m.put("lumina.auth.secret", TestSecrets.A);
        m.put("lumina.auth.providers.github.client-id", "x");
        m.put("lumina.auth.providers.github.emails-endpoint", "http://ghe.example.com/api/v3/user/emails");
        assertTrue(ConfigLoader.load(ConfigSources.of(m)).problems().stream()
                .anyMatch(p -> p.contains("lumina.auth.providers.github.emails-endpoint")));
    }

    @Test
    void s93_httpsAndLoopbackHttpProviderUrlsAreAccepted() {
        for (String key : KEYS) {
            for (String url : ALLOWED) {
                assertEquals(List.of(), ConfigLoader.load(ConfigSources.of(oidc(key, url))).problems(), key + "=" + url);
            }
        }
    }

    @Test
    void loopbackIsDecidedOnTheTextWithoutResolvingNames() {
        for (String host : List.of("localhost", "127.0.0.1", "127.255.255.254", "[::1]", "::1", "[0:0:0:0:0:0:0:1]")) {
            assertTrue(ProviderUrls.isLoopback(host), host);
        }
        for (String host : List.of("127.0.0.256", "128.0.0.1", "localhost.", "mylocalhost", "0.0.0.0", "[::]", "")) {
            assertFalse(ProviderUrls.isLoopback(host), host);
        }
        assertFalse(ProviderUrls.isAllowed(null));
        assertFalse(ProviderUrls.isAllowed(URI.create("/relative")));
    }
}
