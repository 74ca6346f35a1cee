package dev.lumina.auth.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser as far as the sign-in flow needs one: a cookie jar for the application (not sent to the
 * provider), redirects followed by hand so each hop can be inspected.
 */
public final class Browser {
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private URI app;

    public Browser(URI app) {
        this.app = app;
    }

    /** Points the same cookie jar at another node (same host, other port): cookies are per host. */
    public Browser at(URI node) {
        this.app = node;
        return this;
    }

    public URI app() {
        return app;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public Browser cookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    /** The names of this browser's flow cookies ({@code lumina.flow.<hex>}, one per sign-in in progress). */
    public java.util.List<String> flowCookieNames() {
        return cookies.keySet().stream().filter(n -> n.matches("(__Host-)?lumina\\.flow\\.[0-9a-f]{16}")).toList();
    }

    /** The name of the one flow cookie, or null when there is none. */
    public String flowCookieName() {
        java.util.List<String> names = flowCookieNames();
        if (names.size() > 1) {
            throw new AssertionError("more than one flow cookie: " + names);
        }
        return names.isEmpty() ? null : names.get(0);
    }

    /** The value of the one flow cookie, or null. */
    public String flowCookie() {
        String name = flowCookieName();
        return name == null ? null : cookies.get(name);
    }

    public Browser forgetFlowCookies() {
        flowCookieNames().forEach(cookies::remove);
        return this;
    }

    public Browser forget(String name) {
        cookies.remove(name);
        return this;
    }

    private RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    /** GET a path of the application, or an absolute URL (the application's cookies only on its own URLs). */
    public Response get(String pathOrUrl) {
        boolean absolute = pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://");
        boolean ours = !absolute || pathOrUrl.startsWith(app.toString());
        RequestSpecification r = ours ? request() : given().redirects().follow(false);
        Response res = r.urlEncodingEnabled(false).get(absolute ? pathOrUrl : app.resolve(pathOrUrl).toString());
        if (ours) {
            store(res);
        }
        return res;
    }

    public Response postForm(String path, Map<String, String> form) {
        Response res = request().contentType(ContentType.URLENC).formParams(form).post(app.resolve(path).toString());
        store(res);
        return res;
    }

    public String csrfToken() {
        return get("auth/csrf").then().statusCode(200).extract().path("csrfToken");
    }

    /** (1) POST /auth/signin/{provider} with a fresh CSRF token. */
    public Response startSignIn(String provider, String callbackUrl, String errorUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrfToken", csrfToken());
        if (callbackUrl != null) {
            form.put("callbackUrl", callbackUrl);
        }
        if (errorUrl != null) {
            form.put("errorUrl", errorUrl);
        }
        return postForm("auth/signin/" + provider, form);
    }

    /** (3) At the provider: follows its redirects until it sends the browser back to the application. */
    public String authorize(String authorizationUrl) {
        String location = authorizationUrl;
        for (int i = 0; i < 5 && !location.startsWith(app.toString()); i++) {
            Response r = given().redirects().follow(false).urlEncodingEnabled(false).get(location);
            if (r.statusCode() / 100 != 3) {
                throw new AssertionError("the provider answered " + r.statusCode() + " instead of redirecting back");
            }
            location = URI.create(location).resolve(r.header("Location")).toString();
        }
        return location;
    }

    /** The whole sign-in: (1) to (9); returns the callback's answer. */
    public Response signIn(String provider) {
        Response start = startSignIn(provider, "/home", "/oops");
        if (start.statusCode() != 303) {
            throw new AssertionError("sign-in start answered " + start.statusCode() + ": " + start.asString());
        }
        return get(authorize(start.header("Location")));
    }

    private void store(Response res) {
        for (io.restassured.http.Header h : res.getHeaders().getList("Set-Cookie")) {
            String v = h.getValue();
            int eq = v.indexOf('=');
            int semi = v.indexOf(';');
            String name = v.substring(0, eq);
            String value = v.substring(eq + 1, semi < 0 ? v.length() : semi);
            if (value.isEmpty() || v.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}
