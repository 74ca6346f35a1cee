package dev.lumina.auth.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.testing.TestSecrets;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public origin behind a proxy: forwarded headers only when trusted; X-Forwarded-Port for a host without one. */
class RequestFactsTest {
    private static final URI SEEN = URI.create("http://127.0.0.1:8080/");

    private static URI publicBase(boolean trusted, Map<String, String> headers) {
        AuthConfig config = AuthConfig.builder().secrets(TestSecrets.A).trustForwardedHeaders(trusted).build();
        return RequestFacts.of(config, SEEN, headers::get).publicBase();
    }

    @Test
    void aTrustedProxysHostAndPortMakeThePublicOrigin() {
        // Vite (xfwd): the browser's Host with its port, and the port again
        assertEquals("http://localhost:5173/", publicBase(true, Map.of("X-Forwarded-Host", "localhost:5173",
                "X-Forwarded-Port", "5173", "X-Forwarded-Proto", "http")).toString());
        // a proxy that forwards a host without its port ($host) and the port apart
        assertEquals("http://localhost:5173/", publicBase(true, Map.of("X-Forwarded-Host", "localhost",
                "X-Forwarded-Port", "5173")).toString());
        assertEquals("https://app.example.com:8443/", publicBase(true, Map.of("X-Forwarded-Host", "app.example.com",
                "X-Forwarded-Port", "8443", "X-Forwarded-Proto", "https")).toString());
        assertEquals("http://[::1]:5173/", publicBase(true, Map.of("X-Forwarded-Host", "[::1]",
                "X-Forwarded-Port", "5173")).toString());
        // the scheme's default port is left out; a host that names its port keeps it
        assertEquals("https://app.example.com/", publicBase(true, Map.of("X-Forwarded-Host", "app.example.com",
                "X-Forwarded-Port", "443", "X-Forwarded-Proto", "https")).toString());
        assertEquals("http://app.example.com/", publicBase(true, Map.of("X-Forwarded-Host", "app.example.com",
                "X-Forwarded-Port", "80")).toString());
        assertEquals("http://localhost:5173/", publicBase(true, Map.of("X-Forwarded-Host", "localhost:5173",
                "X-Forwarded-Port", "9999")).toString());
    }

    @Test
    void anUnusablePortIsIgnoredAndNothingIsReadWithoutTrust() {
        for (String port : new String[] {"0", "65536", "99999", "-1", "80a", "", "1 2", "5173x", "x,5173"}) {
            assertEquals("http://localhost/", publicBase(true, Map.of("X-Forwarded-Host", "localhost",
                    "X-Forwarded-Port", port)).toString(), port);
        }
        // a port alone does not change the request's own host and port
        assertEquals(SEEN, publicBase(true, Map.of("X-Forwarded-Port", "5173")));
        for (Map<String, String> h : java.util.List.of(Map.of("X-Forwarded-Host", "localhost:5173"),
                Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Port", "5173", "X-Forwarded-Proto", "https"))) {
            assertEquals(SEEN, publicBase(false, h), h.toString());
        }
    }
}
