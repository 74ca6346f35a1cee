package dev.lumina.auth.oidc;

import java.net.InetAddress;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/** mock-oauth2-server on loopback: a real OpenID Connect provider for the flow tests. */
final class MockIdp implements AutoCloseable {
    static final String ISSUER_ID = "default";
    final MockOAuth2Server server;

    MockIdp() {
        server = new MockOAuth2Server(new OAuth2Config());
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** The next request the provider received, or null after the wait. */
    okhttp3.mockwebserver.RecordedRequest poll(long millis) {
        try {
            return server.takeRequest(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The next request whose path contains {@code part}, skipping others; null when none came. */
    okhttp3.mockwebserver.RecordedRequest next(String part) {
        for (okhttp3.mockwebserver.RecordedRequest r; (r = poll(1500)) != null; ) {
            if (r.getPath().contains(part)) {
                return r;
            }
        }
        return null;
    }

    void drain() {
        while (poll(10) != null) {
            // drop what earlier tests left
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
