package dev.lumina.auth.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.KeptTokens;
import dev.lumina.auth.internal.session.KeyRing;
import dev.lumina.auth.internal.session.ProviderTokensSeal;
import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.RecordedEvents;
import dev.lumina.auth.testing.TestSecrets;
import dev.lumina.auth.testing.TokensProbe;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GitHub's two kinds of user tokens, kept with {@code keep-tokens}: an OAuth App's token never expires (no
 * {@code expires_in}, no refresh token) and is handed out as it is; a GitHub App's user token expires (8 hours;
 * 30 seconds in the fixture, inside the margin; its value is the one token the double's API accepts) and is refreshed with its refresh token, which GitHub rotates.
 */
class GitHubTokensTest {
    static GitHubDouble github;
    static LuminaServer app;
    static final ProviderTokensSeal SEAL = new ProviderTokensSeal(new JoseTokens(
            KeyRing.of(List.of(TestSecrets.A.getBytes(StandardCharsets.UTF_8))), Duration.ofSeconds(60)), Clock.systemUTC());

    @BeforeAll
    static void start() throws Exception {
        github = new GitHubDouble();
        String p = "lumina.auth.providers.github.";
        app = LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property(p + "client-id", GitHubDouble.CLIENT_ID)
                .property(p + "client-secret", GitHubDouble.CLIENT_SECRET)
                .property(p + "authorization-endpoint", github.base + "/login/oauth/authorize")
                .property(p + "token-endpoint", github.base + "/login/oauth/access_token")
                .property(p + "userinfo-endpoint", github.base + "/api/user")
                .property(p + "emails-endpoint", github.base + "/api/user/emails")
                .property(p + "keep-tokens", "true")
                .classes(ProbeResource.class, TokensProbe.class, RecordedEvents.class)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        github.close();
    }

    @BeforeEach
    void clean() {
        github.reset();
        app.beans().select(RecordedEvents.class).get().clear();
    }

    static KeptTokens kept(Browser b) {
        return SEAL.open(b.cookie("lumina.tokens"));
    }

    @Test
    void anOAuthAppTokenNeverExpiresAndIsHandedOutAsItIs() {
        Browser b = new Browser(app.uri());
        assertEquals(303, b.signIn("github").statusCode());
        assertEquals("true|github|read:user user:email|-|false", b.get("tokens/info").asString());
        for (int i = 0; i < 3; i++) {
            assertEquals(GitHubDouble.ACCESS_TOKEN, b.get("tokens/access").then().statusCode(200).extract().asString());
        }
        assertEquals(1, github.tokenRequests.size(), "the code exchange only: nothing to refresh");
        assertNull(kept(b).expiresAt());
    }

    @Test
    void aGitHubAppUserTokenIsRefreshedAndTheRotatedRefreshTokenKept() {
        github.tokenFixture = "token-app-short.json";
        Browser b = new Browser(app.uri());
        assertEquals(303, b.signIn("github").statusCode());
        KeptTokens before = kept(b);
        assertEquals("ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498", before.refreshToken());

        github.tokenFixture = "token-app-refreshed.json";
        assertEquals("ghu_Zz9refreshed0000000000000000000000000", b.get("tokens/access").then().statusCode(200).extract().asString());
        assertEquals(2, github.tokenRequests.size());
        Map<String, String> form = github.tokenRequests.get(1);
        assertEquals("refresh_token", form.get("grant_type"));
        assertEquals(before.refreshToken(), form.get("refresh_token"));
        assertEquals(GitHubDouble.CLIENT_ID, form.get("client_id"), "client authentication as for the code exchange");
        assertEquals(GitHubDouble.CLIENT_SECRET, form.get("client_secret"));
        assertEquals("ghr_rotated00000000000000000000000000000000000000000000000000000000000000000000", kept(b).refreshToken());
        // 8 hours left now: no further refresh
        Response again = b.get("tokens/access");
        assertEquals(200, again.statusCode(), again.asString() + " " + again.headers().getValues("Set-Cookie") + " " + b.cookies().keySet());
        assertEquals(2, github.tokenRequests.size());
    }

    @Test
    void aRefusedGitHubRefreshIsTokenRefreshFailed() {
        // a refresh token of its own: the node keeps a refresh's outcome for 30 s per refresh token (TokenRefresh)
        github.tokenFixture = "token-app-short-other.json";
        Browser b = new Browser(app.uri());
        assertEquals(303, b.signIn("github").statusCode());
        github.tokenFixture = "token-refresh-refused.json"; // GitHub answers 200 with an error object
        Response r = b.get("tokens/access");
        assertEquals(401, r.statusCode());
        assertEquals("token_refresh_failed", r.jsonPath().getString("error"));
        assertNull(b.cookie("lumina.tokens"));
        assertEquals(List.of(AuthError.TOKEN_REFRESH_FAILED), app.beans().select(RecordedEvents.class).get()
                .of(AuthFailed.class).stream().map(AuthFailed::error).toList());
    }
}
