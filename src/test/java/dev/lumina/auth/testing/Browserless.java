package dev.lumina.auth.testing;

import static io.restassured.RestAssured.given;

import dev.lumina.auth.embedded.LuminaServer;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** HTTP helpers for embedded tests: a CSRF cookie and its token, requests that never follow redirects. */
public final class Browserless {
    private Browserless() {
    }

    /** A CSRF cookie value and the token it binds, from {@code GET /auth/csrf}. */
    public record Csrf(String cookie, String token) {
    }

    /** The fields of a credentials form: the CSRF token (when given), username and password. */
    public static java.util.Map<String, String> form(Csrf csrf, String user, String password) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        if (csrf != null) {
            m.put("csrfToken", csrf.token());
        }
        m.put("username", user);
        m.put("password", password);
        return m;
    }

    public static Csrf csrf(LuminaServer server) {
        Response r = given().baseUri(server.uri().toString()).get("auth/csrf");
        return new Csrf(r.getCookie("lumina.csrf"), r.jsonPath().getString("csrfToken"));
    }

    public static RequestSpecification at(LuminaServer server) {
        return given().baseUri(server.uri().toString()).redirects().follow(false);
    }

    /** A request carrying the CSRF cookie (the token goes in the body). */
    public static RequestSpecification withCsrf(LuminaServer server, Csrf csrf) {
        return at(server).cookie("lumina.csrf", csrf.cookie());
    }
}
