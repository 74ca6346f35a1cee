package dev.lumina.auth.credentials;

import static dev.lumina.auth.credentials.CredentialsSignInTest.form;
import static dev.lumina.auth.testing.Browserless.csrf;
import static dev.lumina.auth.testing.Browserless.withCsrf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.Browserless.Csrf;
import dev.lumina.auth.testing.RecordedEvents;
import dev.lumina.auth.testing.TestAccounts;
import dev.lumina.auth.testing.TestSecrets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** S67 with {@code lumina.auth.trust-forwarded-headers=true} (one embedded server per JVM at a time). */
class TrustedProxyAddressTest {
    @Test
    void S67_behindATrustedProxyTheAddressIsTheOneTheProxyAppended() {
        try (LuminaServer proxied = LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.trust-forwarded-headers", "true")
                .property("lumina.auth.providers.login.type", "credentials")
                .property("lumina.auth.providers.login.fields", "username,password")
                .classes(TestAccounts.class, RecordedEvents.class).start()) {
            RecordedEvents recorded = proxied.beans().select(RecordedEvents.class).get();
            Csrf csrf = csrf(proxied);
            for (String xff : new String[] {"6.6.6.6, 203.0.113.9", "203.0.113.9", "evil\r\n, <script>", "2001:db8::1"}) {
                withCsrf(proxied, csrf).header("X-Forwarded-For", xff).contentType("application/x-www-form-urlencoded")
                        .formParams(form(csrf, "admin", "nope")).post("auth/callback/login").then().statusCode(303);
            }
            List<String> addresses = recorded.of(AuthFailed.class).stream().map(AuthFailed::clientAddress).toList();
            assertEquals(List.of("203.0.113.9", "203.0.113.9", "127.0.0.1", "2001:db8::1"), addresses,
                    "the client-written entries are never used; garbage falls back to the peer");
        }
    }

}
