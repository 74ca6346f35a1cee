package dev.lumina.auth.github;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.Profile;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.internal.oauth.Pkce;
import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.ProfileDecider;
import dev.lumina.auth.testing.RecordedEvents;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GitHub sign-in against a loopback double of GitHub's API with JSON fixtures. */
class GitHubSignInTest {
    static GitHubDouble github;
    static LuminaServer app;
    static RecordedEvents events;
    static ProfileDecider decider;

    @BeforeAll
    static void start() throws Exception {
        github = new GitHubDouble();
        String p = "lumina.auth.providers.github.";
        app = LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property(p + "client-id", GitHubDouble.CLIENT_ID)       // type defaults to the id "github"
                .property(p + "client-secret", GitHubDouble.CLIENT_SECRET)
                .property(p + "authorization-endpoint", github.base + "/login/oauth/authorize")
                .property(p + "token-endpoint", github.base + "/login/oauth/access_token")
                .property(p + "userinfo-endpoint", github.base + "/api/user")
                .property(p + "emails-endpoint", github.base + "/api/user/emails")
                .classes(ProbeResource.class, RecordedEvents.class, ProfileDecider.class)
                .start();
        events = app.beans().select(RecordedEvents.class).get();
        decider = app.beans().select(ProfileDecider.class).get();
    }

    @AfterAll
    static void stop() {
        app.close();
        github.close();
    }

    @BeforeEach
    void clean() {
        github.reset();
        events.clear();
        decider.reset();
    }

    static Map<String, String> query(String url) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    @Test
    void gitHubSignInUsesTheNumericIdAsSubjectAndSendsPkceAndSecretInTheBody() {
        Browser b = new Browser(app.uri());
        Response start = b.startSignIn("github", "/home", "/oops");
        Map<String, String> authorize = query(start.header("Location"));
        assertEquals("read:user user:email", authorize.get("scope"));
        assertNull(authorize.get("nonce"), "no nonce without an ID token");
        Response done = b.get(b.authorize(start.header("Location")));
        assertEquals(303, done.statusCode());
        b.get("probe/whoami").then().body(equalTo("github:583231|github:583231"));

        Map<String, String> token = github.tokenRequests.get(0);
        assertEquals(GitHubDouble.CLIENT_ID, token.get("client_id"));
        assertEquals(GitHubDouble.CLIENT_SECRET, token.get("client_secret"));
        assertEquals(authorize.get("code_challenge"), Pkce.challenge(token.get("code_verifier")));
        assertEquals(app.uri() + "auth/callback/github", token.get("redirect_uri"));

        Profile p = decider.seen().get(0);
        assertEquals("octocat@github.com", p.email());
        assertTrue(p.emailVerified());
        assertEquals("The Octocat", p.name());
        assertEquals("octocat", p.claims().get("login"));
        assertEquals(GitHubDouble.ACCESS_TOKEN, p.tokens().orElseThrow().accessToken(), "tokens are for the observer");
    }

    @Test
    void privateEmailIsTakenFromThePrimaryVerifiedOneOfUserEmails() {
        github.userFixture = "user-private-email.json";
        github.emailsFixture = "emails.json";
        Browser b = new Browser(app.uri());
        assertEquals(303, b.signIn("github").statusCode());
        Profile p = decider.seen().get(0);
        assertEquals("1048576", p.subject());
        assertEquals("hidden-cat@example.com", p.email());
        assertTrue(p.emailVerified());
        assertEquals("hidden-cat", p.name(), "the login when there is no name");
    }

    @Test
    void unverifiedPrimaryEmailIsNeverMarkedVerified() {
        github.userFixture = "user-private-email.json";
        github.emailsFixture = "emails-unverified.json";
        new Browser(app.uri()).signIn("github");
        Profile p = decider.seen().get(0);
        assertNull(p.email());
        assertFalse(p.emailVerified());
    }

    @Test
    void emailsApiRefusedLeavesThePublicEmailUnverified() {
        github.emailsStatus = 404;
        new Browser(app.uri()).signIn("github");
        Profile p = decider.seen().get(0);
        assertEquals("octocat@github.com", p.email());
        assertFalse(p.emailVerified());
    }

    @Test
    void tokenEndpointErrorAnsweredWith200RedirectsProviderError() {
        github.tokenFixture = "token-error.json";
        Response r = new Browser(app.uri()).signIn("github");
        assertEquals(303, r.statusCode());
        assertEquals("provider_error", query(r.header("Location")).get("error"));
        assertFalse(r.header("Location").contains("incorrect"));
        assertEquals(1, events.of(AuthFailed.class).size());
    }

    @Test
    void userApiRefusingTheTokenRedirectsProfileInvalid() {
        github.userStatus = 401;
        Response r = new Browser(app.uri()).signIn("github");
        assertEquals("profile_invalid", query(r.header("Location")).get("error"));
        assertTrue(decider.seen().isEmpty());
    }

    @Test
    void gitHubIsListedAmongTheProviders() {
        Response r = io.restassured.RestAssured.get(app.uri() + "auth/providers");
        assertEquals("[{\"id\":\"github\",\"name\":\"GitHub\",\"type\":\"github\",\"signinUrl\":\"/auth/signin/github\"}]", r.asString());
    }
}
