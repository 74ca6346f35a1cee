package dev.lumina.auth.faults;

import static dev.lumina.auth.testing.Browserless.csrf;
import static dev.lumina.auth.testing.Browserless.form;
import static dev.lumina.auth.testing.Browserless.withCsrf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.Session;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.AllLogs;
import dev.lumina.auth.testing.Browserless.Csrf;
import dev.lumina.auth.testing.ExplodingAccounts;
import dev.lumina.auth.testing.RecordedEvents;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestAccounts;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * Application code that misbehaves during a sign-in never yields a raw 500: the sign-in ends on its failure
 * URL with {@code server_error}, and {@code AuthFailed} says so once.
 */
class ApplicationFaultsTest {

    static LuminaServer start(Class<?>... classes) {
        return LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.providers.login.type", "credentials")
                .property("lumina.auth.providers.login.fields", "username,password")
                .classes(TestAccounts.class, RecordedEvents.class).classes(classes)
                .start();
    }

    static Response signIn(LuminaServer server, String errorUrl) {
        Csrf csrf = csrf(server);
        Map<String, String> fields = new java.util.LinkedHashMap<>(form(csrf, TestAccounts.USER, TestAccounts.PASSWORD));
        fields.put("callbackUrl", "/home");
        if (errorUrl != null) {
            fields.put("errorUrl", errorUrl);
        }
        return withCsrf(server, csrf).formParams(fields).post("auth/callback/login");
    }

    @Test
    void aReplacedCodecThatThrowsEndsOnTheFailureUrlWithServerError() {
        try (LuminaServer server = start(ThrowingCodec.class)) {
            RecordedEvents events = server.beans().select(RecordedEvents.class).get();
            for (String errorUrl : new String[] {"/oops", null}) {
                events.clear();
                Response r = signIn(server, errorUrl);
                assertEquals(303, r.statusCode(), "a redirect, not a raw 500");
                String expected = (errorUrl == null ? "/auth/error" : errorUrl) + "?error=server_error&provider=login";
                assertTrue(r.getHeader("Location").endsWith(expected), r.getHeader("Location"));
                assertFalse(r.asString().contains("vault unreachable"));
                assertNull(r.getCookie("lumina.session"));
                List<AuthFailed> failed = events.of(AuthFailed.class);
                assertEquals(1, failed.size());
                assertEquals(AuthError.SERVER_ERROR, failed.get(0).error());
                assertEquals("login", failed.get(0).provider());
                assertEquals(TestAccounts.USER, failed.get(0).login());
            }
        }
    }

    @Test
    void anObserversExceptionIsLoggedWithItsMessageAndItsStackTraceOnlyAtDebug() {
        try (AllLogs logs = AllLogs.all(); LuminaServer server = start(ExplodingAccounts.class)) {
            for (String user : new String[] {"boom", "bob"}) {
                Csrf csrf = csrf(server);
                withCsrf(server, csrf).formParams(form(csrf, user, "whatever")).post("auth/callback/login");
            }
            assertObserverLogged(logs, "LUMINA-4002 ", "java.lang.IllegalStateException: lookup failed");
            assertObserverLogged(logs, "LUMINA-2101 ", "java.lang.IllegalArgumentException: mapping failed");
        }
    }

    private static void assertObserverLogged(AllLogs logs, String id, String description) {
        List<LogRecord> lines = logs.records().stream().filter(r -> String.valueOf(r.getMessage()).startsWith(id)).toList();
        LogRecord line = lines.stream().filter(r -> r.getLevel().intValue() > Level.FINE.intValue()).findFirst()
                .orElseThrow(() -> new AssertionError(id + "not logged: " + logs.luminaMessages()));
        assertTrue(line.getMessage().contains(description), line.getMessage());
        assertNull(line.getThrown(), "no stack trace at " + line.getLevel());
        LogRecord debug = lines.stream().filter(r -> r.getLevel().intValue() <= Level.FINE.intValue()).findFirst()
                .orElseThrow(() -> new AssertionError(id + "has no stack trace at debug"));
        assertTrue(description.startsWith(debug.getThrown().getClass().getName()), String.valueOf(debug.getThrown()));
    }

    @Test
    void aClaimRemovedWithNullIsLeftOutOfTheSession() {
        try (LuminaServer server = start(ClaimRemovingAccounts.class)) {
            Response r = signIn(server, "/oops");
            assertEquals(303, r.statusCode());
            assertTrue(r.getHeader("Location").endsWith("/home"), r.getHeader("Location"));
            Session s = new SessionMinter(TestSecrets.A).codec().decode(r.getCookie("lumina.session"));
            assertEquals(Map.of("plan", "pro"), s.claims());
        }
    }
}
