package dev.lumina.demo;

import dev.lumina.auth.config.ConfigKey;
import dev.lumina.auth.embedded.LuminaServer;
import java.net.InetAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * The demo application, on loopback: a {@code dev} OpenID Connect provider served in this process by
 * mock-oauth2-server (its login form: type any name), a {@code credentials} provider with one demo account
 * ({@link DemoAccounts}), Google and GitHub when their client id and secret are in the environment
 * ({@code GOOGLE_CLIENT_ID}/{@code GOOGLE_CLIENT_SECRET}, {@code GITHUB_CLIENT_ID}/{@code GITHUB_CLIENT_SECRET},
 * or Lumina's own {@code LUMINA_AUTH_PROVIDERS_<ID>_*}); the built-in pages; a home page ({@code /}) and a page
 * built on {@code /auth/client.js} ({@code /demo}). Any {@code lumina.auth.*} system property or
 * {@code LUMINA_AUTH_*} environment variable wins over the demo's defaults. {@link DemoApp} runs it; the
 * browser tests start it on a free port.
 */
public final class Demo implements AutoCloseable {
    /** For this demo on localhost only. A real application sets its own secret: openssl rand -base64 32. */
    static final String DEMO_ONLY_SECRET = "demo-only-secret-NOT-FOR-PRODUCTION-0123456789abcdef";

    private final MockOAuth2Server idp;
    private final LuminaServer app;

    private Demo(MockOAuth2Server idp, LuminaServer app) {
        this.idp = idp;
        this.app = app;
    }

    /**
     * Starts the provider, then the application. The demo sets no {@code lumina.auth.base-url}: Lumina takes
     * the origin from each request, so redirects and cookies stay on the host the browser used
     * ({@code localhost} or {@code 127.0.0.1}), and the OAuth {@code redirect_uri} follows it (the dev
     * provider accepts any). A base URL set outside (system property or environment) still wins.
     *
     * @param port the application's port; 0 takes any free one
     */
    public static Demo start(int port) {
        MockOAuth2Server idp = new MockOAuth2Server(new OAuth2Config(true)); // interactive login form
        idp.start(InetAddress.getLoopbackAddress(), 0);
        try {
            Map<String, String> defaults = new LinkedHashMap<>();
            defaults.put(ConfigKey.SECRET.key(), DEMO_ONLY_SECRET);
            defaults.put("lumina.auth.providers.dev.type", "oidc");
            defaults.put("lumina.auth.providers.dev.name", "Dev (mock OIDC)");
            defaults.put("lumina.auth.providers.dev.issuer", idp.issuerUrl("default").toString());
            defaults.put("lumina.auth.providers.dev.client-id", "lumina-demo");
            defaults.put("lumina.auth.providers.dev.keep-tokens", "true"); // for /demo/provider-call
            defaults.put("lumina.auth.providers.credentials.type", "credentials");
            defaults.put("lumina.auth.providers.credentials.name", "Demo account");
            defaults.put("lumina.auth.providers.credentials.fields", "username,password");
            preset(defaults, "google", "GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET");
            preset(defaults, "github", "GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET");

            LuminaServer.Builder b = LuminaServer.builder().port(port)
                    .classes(DemoResource.class, DemoPageResource.class, DemoAccounts.class, DemoUsers.class,
                            DemoProviderCall.class);
            defaults.forEach((key, value) -> {
                if (!isSetOutside(key)) {
                    b.property(key, value);
                }
            });
            if (isSetOutside(ConfigKey.SECRET.key())) {
                System.out.println("using the secret from " + ConfigKey.SECRET.key() + " / " + ConfigKey.SECRET.environmentVariable());
            }
            if (isSetOutside(ConfigKey.BASE_URL.key())) {
                System.out.println("using " + ConfigKey.BASE_URL.key() + " = " + outside(ConfigKey.BASE_URL.key())
                        + ": open the demo there, redirects and cookies go to that origin only");
            }
            return new Demo(idp, b.start());
        } catch (RuntimeException e) {
            idp.shutdown();
            throw e;
        }
    }

    public LuminaServer app() {
        return app;
    }

    /** The application's root on {@code localhost}. */
    public URI root() {
        return root("localhost");
    }

    /** The application's root on another name of loopback, e.g. {@code 127.0.0.1}: the demo works on both. */
    public URI root(String host) {
        return URI.create("http://" + host + ":" + app.port() + "/");
    }

    /** The dev provider's issuer. */
    public URI issuer() {
        return URI.create(idp.issuerUrl("default").toString());
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
        return outside(key) != null;
    }

    /** The value of a system property or, else, of the environment variable; null when neither is set. */
    private static String outside(String key) {
        String env = System.getenv(ConfigKey.environmentVariable(key));
        return System.getProperty(key) != null ? System.getProperty(key) : env != null && !env.isBlank() ? env : null;
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            idp.shutdown();
        }
    }
}
