package dev.lumina.sample;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * The OpenID Connect provider "dev" of the sample: mock-oauth2-server on 127.0.0.1, on the port the build
 * reserved and gave the servers as {@code lumina.auth.providers.dev.issuer}. One per test JVM, started
 * before the first deployment (a server may read the discovery document when the application starts).
 */
final class DevProvider {
    static final String ISSUER_ID = "dev";

    private static MockOAuth2Server server;

    private DevProvider() {
    }

    static synchronized void ensureStarted() {
        if (server != null) {
            return;
        }
        int port = Integer.getInteger("it.oauth2.port", 0);
        if (port == 0) {
            throw new IllegalStateException("it.oauth2.port is not set: run the ITs with `mvn verify`");
        }
        MockOAuth2Server s = new MockOAuth2Server();
        try {
            s.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        server = s;
        Runtime.getRuntime().addShutdownHook(new Thread(s::shutdown, "mock-oauth2-shutdown"));
    }

    /** The next sign-in at the provider is this person. */
    static void nextUser(String subject, String email, boolean emailVerified, String name) {
        nextUser(subject, email, emailVerified, name, null);
    }

    /** The next sign-in at the provider is this person, in the provider session {@code sid} (none when null). */
    static void nextUser(String subject, String email, boolean emailVerified, String name, String sid) {
        ensureStarted();
        Map<String, Object> claims = new HashMap<>();
        if (sid != null) {
            claims.put("sid", sid);
        }
        if (email != null) {
            claims.put("email", email);
            claims.put("email_verified", emailVerified);
        }
        if (name != null) {
            claims.put("name", name);
        }
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, claims, 3600L));
    }

    /**
     * A JWT signed with the provider's own key (the one its JWKS publishes), issued by it: with {@code typ}
     * {@code logout+jwt}, the client id as audience and an {@code events} claim, a back-channel logout token.
     * A {@code null} value in {@code claims} leaves that claim out.
     */
    static String signed(String typ, List<String> audience, Map<String, Object> claims) {
        ensureStarted();
        // the issuer as the servers know it: issueToken would name the server by its host name (localhost)
        Map<String, Object> withIssuer = new HashMap<>(claims);
        withIssuer.putIfAbsent("iss", System.getProperty("it.oauth2.issuer"));
        return server.issueToken(ISSUER_ID, System.getProperty("it.client-id"),
                new DefaultOAuth2TokenCallback(ISSUER_ID, "placeholder", typ, audience, withIssuer, 120L)).serialize();
    }
}
