package dev.lumina.auth.leakage;

import static dev.lumina.auth.testing.Browserless.at;
import static dev.lumina.auth.testing.Browserless.csrf;
import static dev.lumina.auth.testing.Browserless.form;
import static dev.lumina.auth.testing.Browserless.withCsrf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.CredentialsSubmitted;
import dev.lumina.auth.Profile;
import dev.lumina.auth.TokenSet;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.AllLogs;
import dev.lumina.auth.testing.Browserless.Csrf;
import dev.lumina.auth.testing.ExplodingAccounts;
import dev.lumina.auth.testing.RecordedEvents;
import dev.lumina.auth.testing.TestAccounts;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** S79, S80, S81 for credentials sign-in, the built-in pages and the session endpoint. */
class CredentialsLeakageTest {

    private static LuminaServer start() {
        return LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A + "," + TestSecrets.B)
                .property("lumina.auth.providers.login.type", "credentials")
                .property("lumina.auth.providers.login.fields", "username,password")
                .classes(TestAccounts.class, ExplodingAccounts.class, RecordedEvents.class)
                .start();
    }

    @Test
    void S79_noPasswordSecretTokenOrCookieValueInAnyLogLineAtTheFinestLevel() {
        String wrong = "wr0ng-" + System.nanoTime();
        List<String> secrets = new ArrayList<>(List.of(TestAccounts.PASSWORD, wrong, TestSecrets.A, TestSecrets.B));
        try (AllLogs logs = AllLogs.all(); LuminaServer server = start()) {
            RecordedEvents events = server.beans().select(RecordedEvents.class).get();
            Csrf csrf = csrf(server);
            secrets.add(csrf.token());
            secrets.add(csrf.cookie());
            Response ok = withCsrf(server, csrf).contentType("application/x-www-form-urlencoded")
                    .formParams(form(csrf, TestAccounts.USER, TestAccounts.PASSWORD)).post("auth/callback/login");
            String session = ok.getCookie("lumina.session");
            secrets.add(session);
            at(server).cookie("lumina.session", session).get("auth/session").then().statusCode(200);
            at(server).cookie("lumina.session", session).get("auth/signin").then().statusCode(200);
            // failures: wrong password, unknown user, bad CSRF, malformed, observer errors, GET, tampered cookie
            withCsrf(server, csrf).contentType("application/x-www-form-urlencoded").formParams(form(csrf, "alice", wrong))
                    .post("auth/callback/login");
            withCsrf(server, csrf).contentType("application/x-www-form-urlencoded").formParams(form(csrf, "nobody", wrong))
                    .post("auth/callback/login");
            at(server).contentType("application/x-www-form-urlencoded").formParams(form(null, "alice", wrong))
                    .post("auth/callback/login");
            withCsrf(server, csrf).contentType("application/json").body("{\"csrfToken\":\"" + csrf.token()
                    + "\",\"username\":\"alice\",\"password\":\"" + wrong + "\",\"password\":\"" + wrong + "\"}")
                    .post("auth/callback/login");
            withCsrf(server, csrf).contentType("application/x-www-form-urlencoded").formParams(form(csrf, "boom", wrong))
                    .post("auth/callback/login");
            withCsrf(server, csrf).contentType("application/x-www-form-urlencoded").formParams(form(csrf, "bob", wrong))
                    .post("auth/callback/login");
            at(server).queryParam("username", "alice").get("auth/callback/login");
            at(server).cookie("lumina.session", session.substring(0, session.length() - 3) + "xyz").get("auth/session");
            withCsrf(server, csrf).cookie("lumina.session", session).contentType("application/x-www-form-urlencoded")
                    .formParam("csrfToken", csrf.token()).post("auth/signout").then().statusCode(303);

            String text = logs.text();
            assertTrue(text.contains("LUMINA-4003"), "the capture did see Lumina's log lines");
            for (String s : secrets) {
                assertFalse(text.contains(s), () -> "a log line holds a secret value: "
                        + text.lines().filter(l -> l.contains(s)).findFirst().orElse(""));
            }
            for (AuthFailed e : events.of(AuthFailed.class)) {
                String all = e + "|" + e.reason() + "|" + e.login() + "|" + (e.cause() == null ? "" : e.cause().toString());
                for (String s : List.of(TestAccounts.PASSWORD, wrong, session, csrf.token())) {
                    assertFalse(all.contains(s), "AuthFailed carries a secret: " + e);
                }
            }
        }
    }

    @Test
    void S80_failuresSayOnlyTheErrorCode() {
        try (LuminaServer server = start()) {
            Csrf csrf = csrf(server);
            for (String user : new String[] {"boom", "bob"}) {
                Response r = withCsrf(server, csrf).contentType("application/x-www-form-urlencoded")
                        .formParams(form(csrf, user, "pw")).post("auth/callback/login");
                r.then().statusCode(303).header("Location", endsWith("/auth/error?error=server_error&provider=login"));
                assertNull(r.getCookie("lumina.session"));
                assertEquals("", r.asString());
                Response json = withCsrf(server, csrf).contentType("application/json").accept("application/json")
                        .body("{\"csrfToken\":\"" + csrf.token() + "\",\"username\":\"" + user + "\",\"password\":\"pw\"}")
                        .post("auth/callback/login");
                json.then().statusCode(500);
                assertEquals("{\"error\":\"server_error\"}", json.asString());
                for (Response any : List.of(r, json)) {
                    String all = any.asString() + any.getHeaders();
                    assertFalse(all.contains("hunter2") || all.contains("Exception") || all.contains("at dev."), all);
                }
            }
            Response refused = withCsrf(server, csrf).contentType("application/x-www-form-urlencoded")
                    .formParams(form(csrf, "alice", "wrong")).post("auth/callback/login");
            refused.then().header("Location", endsWith("?error=credentials_invalid&provider=login"));
        }
    }

    @Test
    void S81_sessionEndpointShowsOnlyApplicationFieldsAndToStringRedacts() {
        try (LuminaServer server = start()) {
            Csrf csrf = csrf(server);
            String session = withCsrf(server, csrf).contentType("application/x-www-form-urlencoded")
                    .formParams(form(csrf, TestAccounts.USER, TestAccounts.PASSWORD)).post("auth/callback/login")
                    .getCookie("lumina.session");
            Response r = at(server).cookie("lumina.session", session).header("Origin", "https://evil.example")
                    .get("auth/session");
            r.then().statusCode(200).header("Cache-Control", "no-store").body("subject", equalTo("credentials:u-alice"))
                    .body("email", equalTo("alice@example.com"));
            assertNull(r.getHeader("Access-Control-Allow-Origin"));
            Map<String, Object> body = r.jsonPath().getMap("");
            assertTrue(Set.of("subject", "provider", "email", "name", "picture", "roles", "claims", "expires")
                    .containsAll(body.keySet()), body.toString());
            String text = r.asString();
            assertFalse(text.contains(TestAccounts.PASSWORD) || text.contains(session) || text.contains("token"), text);
        }
        TokenSet tokens = new TokenSet("access-123", "refresh-456", "id-789", Instant.now());
        Profile profile = Profile.builder("dev", "sub-1").tokens(tokens).claims(Map.of("k", "claim-value")).build();
        CredentialsSubmitted submitted = new CredentialsSubmitted("login", Map.of("username", "alice", "password", "pw-123"), "127.0.0.1");
        AuthFailed failed = new AuthFailed(AuthError.CREDENTIALS_INVALID, "login", "refused", "127.0.0.1", "alice", null);
        for (String s : List.of(tokens.toString(), profile.toString(), submitted.toString(), failed.toString())) {
            for (String secret : List.of("access-123", "refresh-456", "id-789", "pw-123", "claim-value")) {
                assertFalse(s.contains(secret), s);
            }
        }
    }
}
