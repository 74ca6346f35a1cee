package dev.lumina.auth.internal.cdi;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.LogCapture;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import dev.lumina.auth.testing.TestServer;
import io.restassured.RestAssured;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentTest {

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
            if (t.getCause() == t) {
                break;
            }
        }
        return all.toString();
    }

    private static String failureOf(Map<String, String> properties, Class<?>... classes) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> LuminaServer.builder().port(0)
                .property("lumina.auth.secret", "").properties(properties).classes(ProbeResource.class).classes(classes).start());
        return messages(e);
    }

    @Test
    void s87_missingSecretFailsDeploymentNamingTheKey() {
        String message = failureOf(Map.of());
        assertTrue(message.contains("lumina.auth.secret is not set"), message);
    }

    @Test
    void s87_shortSecretFailsAndEveryProblemIsListed() {
        String message = failureOf(Map.of("lumina.auth.secret", "0123456789abcdef",
                "lumina.auth.providers.corp.type", "saml", "lumina.auth.providers.github.type", "github"));
        assertTrue(message.contains("secret #1 is 16 bytes"), message);
        assertTrue(message.contains("lumina.auth.providers.corp.type"), message);
        assertTrue(message.contains("lumina.auth.providers.github.client-id"), message);
    }

    @Test
    void everyConfigurationProblemIsReportedOnceOnItsOwnLineAndNothingIsCut() {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("lumina.auth.secret", "0123456789abcdef");
        for (int i = 0; i < 15; i++) {
            properties.put("lumina.auth.providers.corp" + i + ".type", "saml");
        }
        try (LogCapture logs = new LogCapture()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> LuminaServer.builder().port(0)
                    .properties(properties).classes(ProbeResource.class).start());
            String message = null;
            for (Throwable t = e; t != null && message == null; t = t.getCause()) {
                message = String.valueOf(t.getMessage()).startsWith("LUMINA-0001 ") ? t.getMessage() : null;
            }
            assertTrue(message != null, "the deployment problem says LUMINA-0001: " + messages(e));
            String secretProblem = "lumina.auth.secret: secret #1 is 16 bytes";
            assertEquals(1, occurrences(message, secretProblem), message);
            List<String> reports = logs.lines().stream().filter(l -> l.startsWith("LUMINA-0001 ")).toList();
            assertEquals(1, reports.size(), "LUMINA-0001 once: " + logs.all());
            String report = reports.get(0);
            assertEquals(1, occurrences(report, secretProblem), report);
            assertTrue(report.contains("\n  - "), report);
            assertTrue(!report.contains("\\u000a") && !report.endsWith("..."), "not escaped nor cut: " + report);
            for (int i = 0; i < 15; i++) {
                assertEquals(1, occurrences(report, "lumina.auth.providers.corp" + i + ".type is 'saml'"), report);
                assertTrue(message.contains("lumina.auth.providers.corp" + i + ".type is 'saml'"), message);
            }
            assertEquals(16, report.lines().filter(l -> l.startsWith("  - ")).count(), "one problem a line: " + report);
        }
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** An application that produces its own configuration. */
    public static class OwnConfig {
        @Produces
        AuthConfig config() {
            return AuthConfig.builder().secrets(TestSecrets.B).sessionMaxAge(Duration.ofHours(2)).build();
        }
    }

    /** One that produces a broken one. */
    public static class BrokenConfig {
        @Produces
        AuthConfig config() {
            return AuthConfig.builder().secrets("too-short").build();
        }
    }

    @Test
    void applicationProducedConfigReplacesProperties() {
        try (LuminaServer server = LuminaServer.builder().port(0).property("lumina.auth.secret", TestSecrets.A)
                .classes(ProbeResource.class, OwnConfig.class).start()) {
            String fromB = new SessionMinter(TestSecrets.B).token("bea");
            RestAssured.given().baseUri(server.uri().toString()).cookie("lumina.session", fromB)
                    .get("probe/whoami").then().body(equalTo("bea|bea"));
            assertEquals(Duration.ofHours(2), server.beans().select(AuthConfig.class).get().sessionMaxAge());
        }
        String message = failureOf(Map.of("lumina.auth.secret", TestSecrets.A), BrokenConfig.class);
        assertTrue(message.contains("lumina.auth.secret: secret #1 is 9 bytes"), message);
    }

    @Test
    void aSecondServerInTheSameJvmIsRefusedInsteadOfSharingTheFirstOnesBeans() {
        try (TestServer first = TestServer.start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestServer.start(Map.of("lumina.auth.secret", TestSecrets.B)));
            assertTrue(e.getMessage().contains("already running"), e.getMessage());
            first.request().get("probe/whoami").then().statusCode(200);
        }
        try (TestServer again = TestServer.start()) {
            again.request().get("probe/whoami").then().statusCode(200);
        }
    }

    @Test
    void s85_rotationAtTheServerAcceptsOldCookiesAndReSealsWithTheNewSecret() {
        Instant issued = Instant.now().minusSeconds(7200);
        String oldCookie = new SessionMinter(TestSecrets.A).token("olga", issued, issued.plusSeconds(20_000));
        try (TestServer both = TestServer.start(Map.of("lumina.auth.secret", TestSecrets.B + "," + TestSecrets.A))) {
            var r = both.request().cookie("lumina.session", oldCookie).get("probe/whoami");
            assertEquals("olga|olga", r.asString());
            String renewed = r.getCookie("lumina.session");
            assertEquals("olga", new SessionMinter(TestSecrets.B).codec().decode(renewed).subject(), "re-sealed with the new secret");
        }
        try (TestServer onlyNew = TestServer.start(Map.of("lumina.auth.secret", TestSecrets.B))) {
            var r = onlyNew.request().cookie("lumina.session", oldCookie).get("probe/whoami");
            assertEquals(200, r.statusCode());
            assertEquals("anonymous|-", r.asString());
            assertTrue(r.header("Set-Cookie").startsWith("lumina.session=; Max-Age=0"));
        }
    }
}
