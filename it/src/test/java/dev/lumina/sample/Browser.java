package dev.lumina.sample;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * A minimal browser for the ITs: a cookie jar, no automatic redirects (tests look at every hop), and the
 * Lumina flows spelled out step by step as DESIGN.md section 2 numbers them.
 */
final class Browser {
    private final URI app;
    /** Lumina's endpoints relative to the application, ending in {@code /}: {@code auth/} unless moved. */
    private final String auth;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** @param app the application's base URI, ending in {@code /} */
    Browser(URI app) {
        this(app, "auth/");
    }

    /** @param auth where Lumina's endpoints are under the application ({@code lumina.auth.base-path}), e.g. {@code api/login/} */
    Browser(URI app, String auth) {
        this.app = app;
        this.auth = auth;
    }

    /** The path of one of Lumina's endpoints relative to the application, e.g. {@code auth/session}. */
    String auth(String endpoint) {
        return auth + endpoint;
    }

    /**
     * The path of a page of the application on the server, e.g. {@code /lumina-sample/me} for {@code me}: what
     * a {@code callbackUrl} or {@code errorUrl} must be. Lumina reads a path the way a browser does, from the
     * root of the host, so it includes the context path.
     */
    String path(String relative) {
        return app.getPath() + relative;
    }

    /** The absolute URL of a page of the application: where Lumina's redirects point ({@code Location} is absolute). */
    String url(String relative) {
        return app.resolve(relative).toString();
    }

    HttpResponse<String> get(String relative) {
        return send(HttpRequest.newBuilder(app.resolve(relative)).GET());
    }

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    HttpResponse<String> getAccepting(String relative, String accept) {
        return send(HttpRequest.newBuilder(app.resolve(relative)).header("Accept", accept).GET());
    }

    HttpResponse<String> postForm(String relative, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(app.resolve(relative))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows one redirect. */
    HttpResponse<String> follow(HttpResponse<String> redirect) {
        assertRedirect(redirect);
        return get(redirect.request().uri().resolve(location(redirect)));
    }

    /** {@code GET auth/csrf}: the token to post (the cookie lands in the jar). */
    String csrf() {
        HttpResponse<String> r = get(auth("csrf"));
        assertTrue(r.statusCode() == 200, () -> "GET " + auth("csrf") + ": " + r.statusCode() + " " + r.body());
        assertTrue(cookie("lumina.csrf").isPresent(), "GET auth/csrf sets lumina.csrf");
        return json(r).asJsonObject().getString("csrfToken");
    }

    /**
     * OIDC sign-in with the provider "dev", as the browser does it: (1) POST auth/signin/dev, (3) the
     * provider's authorize endpoint, (4) back to auth/callback/dev. Returns Lumina's last answer: a redirect
     * to the callback URL, or to the error URL.
     */
    HttpResponse<String> signInWithDev(String callbackUrl, String errorUrl) {
        HttpResponse<String> start = postForm(auth("signin/dev"), form(
                "csrfToken", csrf(), "callbackUrl", callbackUrl, "errorUrl", errorUrl));
        assertRedirect(start);
        assertTrue(flowCookie().isPresent(), "the sign-in sets its flow cookie, lumina.flow.<hash of its state>");
        HttpResponse<String> atProvider = follow(start);
        assertRedirect(atProvider);
        assertTrue(location(atProvider).contains("/" + auth("callback/dev")),
                () -> "the provider sends the browser back to the callback: " + location(atProvider));
        return follow(atProvider);
    }

    /** Credentials sign-in: the form posts to auth/callback/credentials. */
    HttpResponse<String> signInWithPassword(String email, String password, String callbackUrl, String errorUrl) {
        return postForm(auth("callback/credentials"), form("csrfToken", csrf(), "email", email,
                "password", password, "callbackUrl", callbackUrl, "errorUrl", errorUrl));
    }

    HttpResponse<String> signOut() {
        return postForm(auth("signout"), form("csrfToken", csrf()));
    }

    HttpResponse<String> signOut(String callbackUrl) {
        return postForm(auth("signout"), form("csrfToken", csrf(), "callbackUrl", callbackUrl));
    }

    Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    /** The flow cookie of a sign-in in progress ({@code lumina.flow.<16 hex>}), if any. */
    Optional<HttpCookie> flowCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().startsWith("lumina.flow.")).findFirst();
    }

    /** Replaces a cookie's value in the jar, as someone editing their cookies would. */
    void setCookie(String name, String value) {
        HttpCookie old = cookie(name).orElseThrow(() -> new AssertionError("no cookie " + name));
        cookies.getCookieStore().remove(null, old);
        HttpCookie c = new HttpCookie(name, value);
        c.setPath("/");
        c.setVersion(0);
        cookies.getCookieStore().add(app, c);
    }

    /** Puts a cookie into the jar, as someone pasting a copied cookie into another browser would. */
    void putCookie(String name, String value) {
        cookie(name).ifPresent(old -> cookies.getCookieStore().remove(null, old));
        HttpCookie c = new HttpCookie(name, value);
        c.setPath("/");
        c.setVersion(0);
        cookies.getCookieStore().add(app, c);
    }

    static JsonValue json(HttpResponse<String> r) {
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }

    static JsonObject jsonObject(HttpResponse<String> r) {
        JsonValue v = json(r);
        assertTrue(v.getValueType() == JsonValue.ValueType.OBJECT, () -> "not a JSON object: " + r.body());
        return v.asJsonObject();
    }

    static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: " + r));
    }

    static void assertRedirect(HttpResponse<String> r) {
        int s = r.statusCode();
        if (s != 302 && s != 303 && s != 307) {
            fail("expected a redirect, got " + s + " from " + r.request().method() + " " + r.request().uri()
                    + ": " + r.body());
        }
        assertNotNull(location(r));
    }

    /** The {@code Set-Cookie} headers of a response that name this cookie. */
    static List<String> setCookies(HttpResponse<String> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(name + "=")).toList();
    }

    /** The query parameters of a redirect's target. */
    static Map<String, String> query(String location) {
        Map<String, String> params = new LinkedHashMap<>();
        String q = URI.create(location).getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(dec(k), dec(v));
            }
        }
        return params;
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
