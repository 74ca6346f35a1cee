package dev.lumina.auth.oidc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * A small OpenID Connect provider for tests that signs whatever it is told: wrong {@code aud}, {@code alg:
 * none}, a flipped signature byte, a missing {@code sub}... Each first path segment is a tenant with its own
 * issuer ({@code <base>/<tenant>}), so that discovery faults can be tried on tenants of their own.
 */
final class HostileIdp implements AutoCloseable {
    static final String CLIENT_ID = "lumina-rp";

    private final HttpServer server;
    final String base;
    final AtomicInteger jwksHits = new AtomicInteger();
    final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private final Map<String, String> nonces = new ConcurrentHashMap<>();

    volatile RsaJsonWebKey signingKey;
    volatile List<JsonWebKey> published = new ArrayList<>();
    /** Changes the ID token's claims before signing (the defaults are those of a good token). */
    volatile Consumer<Map<String, Object>> claims = c -> { };
    /** The JWS {@code alg} header; "none" (any case) makes an unsigned token. */
    volatile String alg = "RS256";
    volatile boolean flipSignature;
    volatile String kidOverride;
    /** The JWS {@code typ} header, or null for none. */
    volatile String typ = "JWT";
    /** Replaces an endpoint: "token", "userinfo", "jwks", "discovery", optionally for one tenant ("jwks:huge"). */
    final Map<String, HttpHandler> overrides = new ConcurrentHashMap<>();
    volatile String userinfoSub = "alice";

    HostileIdp() {
        this(0);
    }

    HostileIdp(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        rotateKey();
    }

    String issuer(String tenant) {
        return base + "/" + tenant;
    }

    /** A new signing key, published alongside the old ones. */
    void rotateKey() {
        try {
            RsaJsonWebKey k = RsaJwkGenerator.generateJwk(2048);
            k.setKeyId("k" + System.nanoTime());
            k.setAlgorithm("RS256");
            k.setUse("sig");
            List<JsonWebKey> next = new ArrayList<>(published);
            next.add(k);
            signingKey = k;
            published = next;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers after {@code millis}, or never within any sane timeout. */
    static HttpHandler stall(long millis) {
        return ex -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "{}");
        };
    }

    /** Streams {@code megabytes} of a JSON string, chunked. */
    static HttpHandler huge(int megabytes) {
        return ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("{\"keys\":\"".getBytes(StandardCharsets.US_ASCII));
                byte[] mb = new byte[1 << 20];
                java.util.Arrays.fill(mb, (byte) 'a');
                for (int i = 0; i < megabytes; i++) {
                    out.write(mb);
                }
            }
        };
    }

    void reset() {
        claims = c -> { };
        alg = "RS256";
        flipSignature = false;
        kidOverride = null;
        typ = "JWT";
        overrides.clear();
        userinfoSub = "alice";
        tokenRequests.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String[] parts = path.split("/", 3);
            String tenant = parts.length > 1 ? parts[1] : "";
            String rest = parts.length > 2 ? "/" + parts[2] : "/";
            switch (rest) {
                case "/.well-known/openid-configuration" -> run("discovery", tenant, ex, () -> discovery(ex, tenant));
                case "/authorize" -> authorize(ex, tenant);
                case "/token" -> run("token", tenant, ex, () -> token(ex, tenant));
                case "/jwks" -> { jwksHits.incrementAndGet(); run("jwks", tenant, ex, () -> send(ex, 200, jwks())); }
                case "/userinfo" -> run("userinfo", tenant, ex, () -> send(ex, 200, "{\"sub\":\"" + userinfoSub + "\",\"email\":\"alice@example.com\",\"locale\":\"fr\"}"));
                default -> send(ex, 404, "{}");
            }
        } catch (RuntimeException | IOException e) {
            // a test provider that misbehaves on purpose may see broken connections
        }
    }

    private interface Io {
        void run() throws IOException;
    }

    /** An override for "endpoint:tenant" wins over one for "endpoint", which wins over the normal answer. */
    private void run(String endpoint, String tenant, HttpExchange ex, Io normal) throws IOException {
        HttpHandler h = overrides.getOrDefault(endpoint + ":" + tenant, overrides.get(endpoint));
        if (h != null) {
            h.handle(ex);
        } else {
            normal.run();
        }
    }

    private void discovery(HttpExchange ex, String tenant) throws IOException {
        String iss = issuer(tenant);
        send(ex, 200, "{\"issuer\":\"" + iss + "\",\"authorization_endpoint\":\"" + iss + "/authorize\","
                + "\"token_endpoint\":\"" + iss + "/token\",\"jwks_uri\":\"" + iss + "/jwks\","
                + "\"userinfo_endpoint\":\"" + iss + "/userinfo\",\"id_token_signing_alg_values_supported\":[\"RS256\",\"none\",\"HS256\"],"
                + (tenant.startsWith("iss") ? "\"authorization_response_iss_parameter_supported\":true," : "")
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"]}");
    }

    private void authorize(HttpExchange ex, String tenant) throws IOException {
        Map<String, String> q = parse(ex.getRequestURI().getRawQuery());
        String code = "code-" + System.nanoTime();
        if (q.get("nonce") != null) {
            nonces.put(code, q.get("nonce"));
        }
        String location = q.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange ex, String tenant) throws IOException {
        Map<String, String> form = parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenRequests.add(form);
        String idToken = idToken(tenant, nonces.get(form.get("code")));
        send(ex, 200, "{\"access_token\":\"at-" + System.nanoTime() + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"id_token\":\"" + idToken + "\"}");
    }

    /** A token as this provider would sign it now for the tenant, after the test's changes. */
    String idToken(String tenant, String nonce) {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", issuer(tenant));
        c.put("sub", "alice");
        c.put("aud", CLIENT_ID);
        c.put("iat", now);
        c.put("exp", now + 300);
        if (nonce != null) {
            c.put("nonce", nonce);
        }
        c.put("email", "alice@example.com");
        c.put("email_verified", true);
        c.put("name", "Alice");
        claims.accept(c);
        JwtClaims jwt = new JwtClaims();
        c.forEach(jwt::setClaim);
        try {
            if (alg.equalsIgnoreCase("none")) {
                String header = b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}");
                return header + "." + b64(jwt.toJson()) + ".";
            }
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(jwt.toJson());
            jws.setAlgorithmHeaderValue(alg);
            if (typ != null) {
                jws.setHeader("typ", typ);
            }
            jws.setKeyIdHeaderValue(kidOverride != null ? kidOverride : signingKey.getKeyId());
            jws.setKey(alg.startsWith("HS") ? new javax.crypto.spec.SecretKeySpec(
                    signingKey.toJson().getBytes(StandardCharsets.UTF_8), "HmacSHA256") : signingKey.getPrivateKey());
            jws.setDoKeyValidation(false);
            String token = jws.getCompactSerialization();
            if (flipSignature) {
                int dot = token.lastIndexOf('.');
                byte[] sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
                sig[sig.length - 1] ^= 1;
                token = token.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
            }
            return token;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    String jwks() {
        return new JsonWebKeySet(published).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    static Map<String, String> parse(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI uri() {
        return URI.create(base);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
