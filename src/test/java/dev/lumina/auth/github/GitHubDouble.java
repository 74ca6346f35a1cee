package dev.lumina.auth.github;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * GitHub's OAuth and user API on loopback, answering with the JSON fixtures of {@code src/test/resources/github}:
 * {@code /login/oauth/authorize}, {@code /login/oauth/access_token}, {@code /api/user}, {@code /api/user/emails}.
 */
final class GitHubDouble implements AutoCloseable {
    static final String CLIENT_ID = "Iv1.lumina";
    static final String CLIENT_SECRET = "gh-secret";
    static final String ACCESS_TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";

    private final HttpServer server;
    final String base;
    volatile String tokenFixture = "token.json";
    volatile String userFixture = "user.json";
    volatile String emailsFixture = "emails-public-verified.json";
    volatile int emailsStatus = 200;
    volatile int userStatus = 200;
    final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    final List<String> apiAuthorizations = new CopyOnWriteArrayList<>();

    GitHubDouble() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        server.createContext("/login/oauth/authorize", this::authorize);
        server.createContext("/login/oauth/access_token", this::token);
        server.createContext("/api/user", this::api);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void reset() {
        tokenFixture = "token.json";
        userFixture = "user.json";
        emailsFixture = "emails-public-verified.json";
        emailsStatus = 200;
        userStatus = 200;
        tokenRequests.clear();
        apiAuthorizations.clear();
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = parse(ex.getRequestURI().getRawQuery());
        ex.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=gh-code-1&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        tokenRequests.add(parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        boolean json = String.valueOf(ex.getRequestHeaders().getFirst("Accept")).contains("application/json");
        send(ex, 200, json ? fixture(tokenFixture) : "access_token=form-encoded&token_type=bearer");
    }

    private void api(HttpExchange ex) throws IOException {
        apiAuthorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        if (!("Bearer " + ACCESS_TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, "{\"message\":\"Bad credentials\"}");
            return;
        }
        if (ex.getRequestURI().getPath().endsWith("/emails")) {
            send(ex, emailsStatus, emailsStatus == 200 ? fixture(emailsFixture) : "{\"message\":\"Not Found\"}");
        } else {
            send(ex, userStatus, userStatus == 200 ? fixture(userFixture) : "{\"message\":\"Bad credentials\"}");
        }
    }

    static String fixture(String name) {
        try (InputStream in = GitHubDouble.class.getResourceAsStream("/github/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    static Map<String, String> parse(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
