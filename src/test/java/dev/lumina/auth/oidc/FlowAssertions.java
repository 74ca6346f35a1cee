package dev.lumina.auth.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.testing.RecordedEvents;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The "failure redirect X" of docs/security-cases.md, asserted in one place. */
final class FlowAssertions {
    private FlowAssertions() {
    }

    static List<String> setCookies(Response r) {
        return r.getHeaders().getList("Set-Cookie").stream().map(Header::getValue).toList();
    }

    /**
     * 303 to the failure URL with {@code error=code} (and the provider), AuthFailed exactly once, no flow cookie
     * set (one is only cleared: the callback's own, when its state names one), no session cookie, no stack trace.
     */
    static void assertFailureRedirect(Response r, String code, String provider, RecordedEvents events) {
        assertEquals(303, r.statusCode(), "status; body: " + r.asString());
        String location = r.header("Location");
        Map<String, String> q = OidcSignInTest.query(location);
        assertEquals(code, q.get("error"), location);
        if (provider != null) {
            assertEquals(provider, q.get("provider"), location);
        }
        assertTrue(setCookies(r).stream().filter(c -> c.startsWith("lumina.flow.")).allMatch(c -> c.contains("Max-Age=0")),
                "no flow cookie set: " + setCookies(r));
        assertFalse(setCookies(r).stream().anyMatch(c -> c.startsWith("lumina.session=")), "no session cookie");
        List<AuthFailed> failed = events.of(AuthFailed.class);
        assertEquals(1, failed.size(), "AuthFailed exactly once: " + failed);
        assertEquals(code, failed.get(0).error().code());
        assertFalse(r.asString().contains("Exception"), "no stack trace");
    }

    /** The path of the failure redirect, e.g. {@code /oops}. */
    static String path(Response r) {
        return URI.create(r.header("Location")).getPath();
    }
}
