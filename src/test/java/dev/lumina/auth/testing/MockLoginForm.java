package dev.lumina.auth.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * mock-oauth2-server's interactive login form ({@code new OAuth2Config(true)}, as the demo runs it), filled in
 * over HTTP the way a person does in a browser: a user name, which becomes the subject, and optionally claims
 * as JSON, which the provider adds to its tokens.
 */
public final class MockLoginForm {
    private MockLoginForm() {
    }

    /**
     * The whole sign-in with {@code provider}: starts it, answers the login form, follows the provider back to
     * the application's callback with the browser's cookies.
     *
     * @param claimsJson a JSON object such as {@code {"roles":["admin"]}}, or null for none
     * @return the callback's answer
     */
    public static Response signIn(Browser browser, String provider, String username, String claimsJson) {
        Response start = browser.startSignIn(provider, "/demo", "/demo/failed");
        if (start.statusCode() != 303) {
            throw new AssertionError("sign-in start answered " + start.statusCode() + ": " + start.asString());
        }
        String authorize = start.header("Location");
        Response form = given().redirects().follow(false).urlEncodingEnabled(false).get(authorize);
        if (form.statusCode() != 200 || !form.asString().contains("name=\"username\"")) {
            throw new AssertionError("the provider answered " + form.statusCode() + " instead of its login form");
        }
        String body = "username=" + encode(username) + (claimsJson == null ? "" : "&claims=" + encode(claimsJson));
        Response login = given().redirects().follow(false).urlEncodingEnabled(false)
                .contentType("application/x-www-form-urlencoded").body(body).post(authorize);
        if (login.statusCode() / 100 != 3) {
            throw new AssertionError("the login form answered " + login.statusCode() + " instead of redirecting back");
        }
        return browser.get(URI.create(authorize).resolve(login.header("Location")).toString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
