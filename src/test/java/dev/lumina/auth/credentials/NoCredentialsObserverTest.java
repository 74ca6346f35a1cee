package dev.lumina.auth.credentials;

import static dev.lumina.auth.credentials.CredentialsSignInTest.form;
import static dev.lumina.auth.testing.Browserless.csrf;
import static dev.lumina.auth.testing.Browserless.withCsrf;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.AllLogs;
import dev.lumina.auth.testing.AsyncOnlyAccounts;
import dev.lumina.auth.testing.Browserless.Csrf;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.response.Response;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** A credentials provider without a CredentialsSubmitted observer: a deployment warning, then every sign-in refused. */
class NoCredentialsObserverTest {
    @Test
    void withoutObserverDeploymentWarnsAndEverySignInIsRefused() {
        check();
    }

    @Test
    void anAsynchronousObserverAloneCountsAsNone() {
        check(AsyncOnlyAccounts.class);
    }

    private static void check(Class<?>... classes) {
        try (AllLogs logs = AllLogs.info();
             LuminaServer server = LuminaServer.builder().port(0)
                     .property("lumina.auth.secret", TestSecrets.A)
                     .property("lumina.auth.providers.login.type", "credentials")
                     .property("lumina.auth.providers.login.fields", "username,password")
                     .classes(classes)
                     .start()) {
            List<String> warnings = logs.records().stream().filter(r -> r.getLevel() == Level.WARNING)
                    .map(r -> new java.util.logging.SimpleFormatter().formatMessage(r))
                    .filter(m -> m.startsWith("LUMINA-0004")).toList();
            assertEquals(1, warnings.size(), logs.luminaMessages().toString());
            assertTrue(warnings.get(0).contains("[login]") && warnings.get(0).contains("CredentialsSubmitted"), warnings.get(0));
            Csrf csrf = csrf(server);
            Response r = withCsrf(server, csrf).contentType("application/x-www-form-urlencoded")
                    .formParams(form(csrf, "alice", "anything")).post("auth/callback/login");
            r.then().statusCode(303).header("Location", endsWith("?error=credentials_invalid&provider=login"));
            assertNull(r.getCookie("lumina.session"));
        }
    }
}
