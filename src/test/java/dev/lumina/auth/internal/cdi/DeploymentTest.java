package dev.lumina.auth.internal.cdi;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import dev.lumina.auth.testing.TestServer;
import io.restassured.RestAssured;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.time.Instant;
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
            assertEquals(Duration.ofHours(2), server.container().select(AuthConfig.class).get().sessionMaxAge());
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
