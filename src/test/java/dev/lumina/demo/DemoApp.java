package dev.lumina.demo;

import dev.lumina.auth.config.ConfigKey;
import dev.lumina.auth.embedded.LuminaServer;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * The demo: an application with Lumina on http://localhost:8080 ({@code PORT} overrides), a {@code dev}
 * OpenID Connect provider served in this process by mock-oauth2-server (its login form: type any name), and
 * Google and GitHub buttons when their client id and secret are in the environment
 * ({@code GOOGLE_CLIENT_ID}/{@code GOOGLE_CLIENT_SECRET}, {@code GITHUB_CLIENT_ID}/{@code GITHUB_CLIENT_SECRET},
 * or Lumina's own {@code LUMINA_AUTH_PROVIDERS_<ID>_*}). Any {@code lumina.auth.*} system property or
 * {@code LUMINA_AUTH_*} environment variable wins over the demo's defaults.
 *
 * <pre>{@code mvn -B -q -Pdemo test-compile exec:java}</pre>
 */
public final class DemoApp {
    /** For this demo on localhost only. A real application sets its own secret: openssl rand -base64 32. */
    static final String DEMO_ONLY_SECRET = "demo-only-secret-NOT-FOR-PRODUCTION-0123456789abcdef";

    private DemoApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("PORT", "8080"));
        MockOAuth2Server idp = new MockOAuth2Server(new OAuth2Config(true)); // interactive login form
        idp.start(InetAddress.getLoopbackAddress(), 0);

        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(ConfigKey.SECRET.key(), DEMO_ONLY_SECRET);
        defaults.put(ConfigKey.BASE_URL.key(), "http://localhost:" + port);
        defaults.put("lumina.auth.providers.dev.type", "oidc");
        defaults.put("lumina.auth.providers.dev.name", "Dev (mock OIDC)");
        defaults.put("lumina.auth.providers.dev.issuer", idp.issuerUrl("default").toString());
        defaults.put("lumina.auth.providers.dev.client-id", "lumina-demo");
        preset(defaults, "google", "GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET");
        preset(defaults, "github", "GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET");

        LuminaServer.Builder b = LuminaServer.builder().port(port).classes(DemoResource.class, DemoAccounts.class);
        defaults.forEach((key, value) -> {
            if (!isSetOutside(key)) {
                b.property(key, value);
            }
        });
        if (isSetOutside(ConfigKey.SECRET.key())) {
            System.out.println("using the secret from " + ConfigKey.SECRET.key() + " / " + ConfigKey.SECRET.environmentVariable());
        }
        LuminaServer server = b.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            idp.shutdown();
        }));
        System.out.println();
        System.out.println("  Lumina Auth demo on http://localhost:" + port + "/");
        System.out.println("  dev provider (mock-oauth2-server) at " + idp.issuerUrl("default") + ": type any name");
        System.out.println("  Ctrl+C to stop");
        System.out.println();
        Thread.currentThread().join();
    }

    /** Google or GitHub, when both its client id and secret are in the environment under the short names. */
    private static void preset(Map<String, String> defaults, String id, String idVar, String secretVar) {
        String clientId = System.getenv(idVar);
        String secret = System.getenv(secretVar);
        if (clientId != null && !clientId.isBlank() && secret != null && !secret.isBlank()) {
            defaults.put("lumina.auth.providers." + id + ".client-id", clientId);
            defaults.put("lumina.auth.providers." + id + ".client-secret", secret);
        }
    }

    private static boolean isSetOutside(String key) {
        String env = System.getenv(ConfigKey.environmentVariable(key));
        return System.getProperty(key) != null || (env != null && !env.isBlank());
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
