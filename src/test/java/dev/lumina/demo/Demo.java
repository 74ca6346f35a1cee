package dev.lumina.demo;

import dev.lumina.auth.embedded.LuminaServer;
import java.net.InetAddress;
import java.net.URI;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * The demo application, everything on loopback: a {@code dev} OpenID Connect provider (mock-oauth2-server
 * with its interactive login form: type any user name), a {@code credentials} provider with one demo user,
 * the built-in pages and a page built on {@code /auth/client.js} at {@code /demo}.
 */
public final class Demo implements AutoCloseable {
    /** A fixed development secret: fine on loopback, never anywhere else. */
    static final String SECRET = "demo-secret-only-for-loopback-0123456789abcdef";

    private final MockOAuth2Server idp;
    private final LuminaServer app;

    private Demo(MockOAuth2Server idp, LuminaServer app) {
        this.idp = idp;
        this.app = app;
    }

    /**
     * Starts the provider, then the application.
     *
     * @param port the application's port (0: any free one); the provider takes any free port
     */
    public static Demo start(int port) {
        MockOAuth2Server idp = new MockOAuth2Server(new OAuth2Config(true));
        idp.start(InetAddress.getLoopbackAddress(), 0);
        try {
            LuminaServer app = LuminaServer.builder().port(port)
                    .property("lumina.auth.secret", SECRET)
                    .properties(Map.of(
                            "lumina.auth.providers.dev.type", "oidc",
                            "lumina.auth.providers.dev.name", "Dev SSO",
                            "lumina.auth.providers.dev.issuer", idp.issuerUrl("dev").toString(),
                            "lumina.auth.providers.dev.client-id", "lumina-demo",
                            "lumina.auth.providers.dev.client-secret", "demo-client-secret"))
                    .properties(DemoCredentials.PROPERTIES)
                    .classes(DemoCredentials.CLASSES)
                    .start();
            return new Demo(idp, app);
        } catch (RuntimeException e) {
            idp.shutdown();
            throw e;
        }
    }

    public LuminaServer app() {
        return app;
    }

    /** The demo page, on {@code localhost}. */
    public URI home() {
        return URI.create("http://localhost:" + app.port() + "/demo");
    }

    public URI issuer() {
        return URI.create(idp.issuerUrl("dev").toString());
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
