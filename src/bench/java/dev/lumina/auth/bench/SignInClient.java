package dev.lumina.auth.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A browser without a browser: the HTTP steps of a credentials or an OIDC sign-in against the embedded runtime
 * (cookies carried by hand, redirects not followed), and a signed-in GET. One shared {@link HttpClient}; each
 * call answers what it took, so the benchmarks can time the steps that are Lumina's.
 */
final class SignInClient {
    /** One OIDC sign-in: the session cookie and the wall time of Lumina's two steps (start and callback). */
    record OidcSignIn(String session, long startNanos, long callbackNanos) {
    }

    private final HttpClient http;
    private final URI app;
    private final String csrfCookie;
    private final String csrfToken;

    SignInClient(HttpClient http, URI app) throws IOException, InterruptedException {
        this.http = http;
        this.app = app;
        HttpResponse<String> csrf = send(HttpRequest.newBuilder(app.resolve("auth/csrf")).build(), HttpResponse.BodyHandlers.ofString());
        this.csrfCookie = cookie(csrf, "lumina.csrf");
        this.csrfToken = csrf.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
    }

    static HttpClient newHttp() {
        // HTTP/1.1: no h2c upgrade on a POST; redirects are steps of the flow, taken by hand
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A credentials sign-in: the session cookie. */
    String credentials(String user, String password) throws IOException, InterruptedException {
        HttpResponse<Void> r = send(post("auth/callback/login", "csrfToken=" + csrfToken + "&username=" + enc(user)
                + "&password=" + enc(password) + "&callbackUrl=/"), HttpResponse.BodyHandlers.discarding());
        expect(r, 303, "credentials sign-in");
        return cookie(r, "lumina.session");
    }

    /** A full OIDC sign-in through the provider {@code provider}. */
    OidcSignIn oidc(String provider) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<Void> start = send(post("auth/signin/" + provider, "csrfToken=" + csrfToken + "&callbackUrl=/"),
                HttpResponse.BodyHandlers.discarding());
        long t1 = System.nanoTime();
        expect(start, 303, "sign-in start");
        String flow = cookieNamed(start, "lumina.flow."); // one flow cookie per sign-in: lumina.flow.<hash of its state>
        HttpResponse<String> authorize = send(HttpRequest.newBuilder(URI.create(start.headers().firstValue("Location").orElseThrow()))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (authorize.statusCode() != 302) {
            throw new IllegalStateException("the provider's authorize answered " + authorize.statusCode() + ": "
                    + authorize.body().substring(0, Math.min(300, authorize.body().length())));
        }
        URI callback = app.resolve(authorize.headers().firstValue("Location").orElseThrow());
        long t2 = System.nanoTime();
        HttpResponse<Void> done = send(HttpRequest.newBuilder(callback).header("Cookie", flow)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
        long t3 = System.nanoTime();
        expect(done, 303, "callback");
        return new OidcSignIn(cookie(done, "lumina.session"), t1 - t0, t3 - t2);
    }

    /** A signed-in GET of {@code path}: its status. */
    int get(String path, String session) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(app.resolve(path)).header("Cookie", "lumina.session=" + session)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(app.resolve(path)).header("Cookie", "lumina.csrf=" + csrfCookie)
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    /** Grizzly closes a kept-alive connection after its 256th request; the client then retries once. */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            return http.send(request, body);
        }
    }

    private static void expect(HttpResponse<?> r, int status, String step) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(step + " answered " + r.statusCode() + " " + r.headers().firstValue("Location").orElse(""));
        }
    }

    static String cookie(HttpResponse<?> r, String name) {
        return cookieNamed(r, name + "=").substring(name.length() + 1);
    }

    /** The first cookie set whose name starts with {@code prefix}, as {@code name=value}. */
    static String cookieNamed(HttpResponse<?> r, String prefix) {
        List<String> all = r.headers().allValues("Set-Cookie");
        for (String c : all) {
            if (c.startsWith(prefix)) {
                return c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
            }
        }
        throw new IllegalStateException("no " + prefix + "* cookie in " + all);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
