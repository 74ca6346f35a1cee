package dev.lumina.auth.bench;

import com.sun.net.httpserver.HttpServer;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.internal.session.JwtSessionCodec;
import dev.lumina.auth.spi.SessionCodec;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.TestAccounts;
import dev.lumina.auth.testing.TestSecrets;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * The sign-in figures of the performance issue, each one command, against the embedded runtime and
 * mock-oauth2-server in this JVM, on loopback ({@code mvn -B -Pbench -Dbench.main=dev.lumina.auth.bench.SignInBenchmark
 * -Dbench.args="MODE ARGS"}):
 * <ul>
 * <li>{@code cost [warm] [measured]} (100, 300): full OIDC sign-ins one after another; the p50 of Lumina's own time,
 *     the wall time of the start and the callback minus the provider's token endpoint as timed by a pass-through on
 *     loopback in front of it (what the pass-through itself costs is counted as Lumina's).</li>
 * <li>{@code memory [sign-ins] [requests]} (10,000, 100,000; every tenth sign-in OIDC, the rest credentials): the heap
 *     after GC before and after, and the bounded caches with their bounds.</li>
 * <li>{@code load [seconds] [clients] [think ms]} (120, 200, 0): concurrent clients mixing sign-ins (credentials and
 *     OIDC, 1 in 20 each) with signed-in requests; errors, latency percentiles and the rate. With a think time each
 *     client waits between its requests, uniformly from 0 to twice that (a user reading the page); without, each
 *     sends its next request as soon as the last answered, which measures the machine's saturation.</li>
 * </ul>
 */
public final class SignInBenchmark {
    private static final AtomicLong TOKEN_NANOS = new AtomicLong();

    private SignInBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = new ArrayList<>(Arrays.asList(String.join(" ", args).trim().split("\\s+")));
        String mode = a.isEmpty() || a.get(0).isEmpty() ? "cost" : a.remove(0);
        // mock-oauth2-server's default HTTP server (OkHttp's MockWebServer) answers every request about 40 ms late on
        // loopback (Nagle and delayed ACKs); its Netty server answers in about a millisecond, like a real provider nearby
        MockOAuth2Server idp = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(),
                java.util.Set.of(), new NettyWrapper()));
        idp.start(InetAddress.getLoopbackAddress(), 0);
        String issuer = idp.issuerUrl("default").toString();
        HttpClient warmUp = SignInClient.newHttp();
        for (int i = 0; i < 5; i++) { // the provider's first answers are slow while its code warms up: not Lumina's cost
            for (String path : List.of("/.well-known/openid-configuration", "/jwks")) {
                warmUp.send(HttpRequest.newBuilder(URI.create(issuer + path)).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        HttpServer proxy = timedProxy(issuer + "/token");
        try (LuminaServer app = LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.providers.dev.type", "oidc")
                .property("lumina.auth.providers.dev.issuer", issuer)
                .property("lumina.auth.providers.dev.client-id", "lumina-rp")
                .property("lumina.auth.providers.dev.client-secret", "rp-secret")
                .property("lumina.auth.providers.dev.token-endpoint", "http://127.0.0.1:" + proxy.getAddress().getPort() + "/token")
                .property("lumina.auth.providers.login.type", "credentials")
                .property("lumina.auth.providers.login.fields", "username,password")
                .classes(BenchApplication.class, ProbeResource.class).start()) {
            HttpClient http = SignInClient.newHttp();
            switch (mode) {
                case "cost" -> cost(new SignInClient(http, app.uri()), arg(a, 0, 100), arg(a, 1, 300));
                case "memory" -> memory(app, idp, new SignInClient(http, app.uri()), arg(a, 0, 10_000), arg(a, 1, 100_000));
                case "load" -> load(app, idp, http, arg(a, 0, 120), arg(a, 1, 200), arg(a, 2, 0));
                default -> throw new IllegalArgumentException("mode: cost, memory or load");
            }
        } finally {
            proxy.stop(0);
            idp.shutdown();
        }
        System.out.printf("(%d cores, load average %.1f, %s)%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.vm.version"));
    }

    private static void cost(SignInClient client, int warm, int measured) throws Exception {
        for (int i = 0; i < warm; i++) {
            client.oidc("dev");
        }
        long[] start = new long[measured];
        long[] callback = new long[measured];
        long[] token = new long[measured];
        long[] own = new long[measured];
        long cpu0 = serverCpuNanos();
        for (int i = 0; i < measured; i++) {
            SignInClient.OidcSignIn s = client.oidc("dev");
            start[i] = s.startNanos();
            callback[i] = s.callbackNanos();
            token[i] = TOKEN_NANOS.get();
            own[i] = s.startNanos() + s.callbackNanos() - token[i];
        }
        double cpu = (serverCpuNanos() - cpu0) / 1e6 / measured;
        System.out.printf("OIDC sign-in, %d after %d, p50 (p90) in ms: start %s, callback %s, provider's token endpoint %s;%n"
                        + "Lumina's own (start + callback - token endpoint) %s (target p50 <= 3 ms)%n"
                        + "CPU of the embedded server's request threads per sign-in (Grizzly, Jersey, Weld and Lumina; not the "
                        + "provider; steady when the machine is busy): %.2f ms%n",
                measured, warm, p(start), p(callback), p(token), p(own), cpu);
    }

    private static void memory(LuminaServer app, MockOAuth2Server idp, SignInClient client, int signIns, int requests) throws Exception {
        String session = client.credentials(TestAccounts.USER, TestAccounts.PASSWORD);
        for (int i = 0; i < Math.min(200, signIns); i++) { // warm-up (shorter for a smoke run)
            client.oidc("dev");
            client.get("probe/whoami", client.credentials(TestAccounts.USER, TestAccounts.PASSWORD));
        }
        drain(idp);
        long before = heapAfterGc();
        for (int i = 1; i <= signIns; i++) {
            session = i % 10 == 0 ? client.oidc("dev").session() : client.credentials(TestAccounts.USER, TestAccounts.PASSWORD);
            if (i % 500 == 0) {
                drain(idp); // the mock provider keeps every request it answered until taken
            }
        }
        drain(idp);
        long afterSignIns = heapAfterGc();
        for (int i = 0; i < requests; i++) {
            if (client.get("probe/whoami", session) != 200) {
                throw new IllegalStateException("signed-in request refused");
            }
        }
        long after = heapAfterGc();
        JwtSessionCodec codec = (JwtSessionCodec) app.beans().select(SessionCodec.class).get();
        System.out.printf("heap after GC (MB, this JVM: Lumina, the mock provider and the client): before %.1f, after %,d sign-ins "
                        + "(1 in 10 OIDC) %.1f, after %,d signed-in requests %.1f%n", mb(before), signIns, mb(afterSignIns), requests, mb(after));
        System.out.printf("bounded caches: verified session tokens %d of at most %d; discovery and JWKS: one document and key set "
                + "per provider%n", codec.verifiedTokens(), codec.verifiedTokensCapacity());
    }

    private static void load(LuminaServer app, MockOAuth2Server idp, HttpClient http, int seconds, int clients, int thinkMillis)
            throws Exception {
        SignInClient warm = new SignInClient(http, app.uri());
        for (int i = 0; i < Math.min(100, seconds * 10); i++) { // warm-up (shorter for a smoke run)
            warm.oidc("dev");
        }
        drain(idp);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        LongAdder errors = new LongAdder();
        LongAdder[] counts = {new LongAdder(), new LongAdder(), new LongAdder()};
        List<Future<long[]>> latencies = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            latencies.add(pool.submit(() -> {
                long[] micros = new long[1 << 16];
                int n = 0;
                SignInClient client = new SignInClient(http, app.uri());
                String session = client.credentials(TestAccounts.USER, TestAccounts.PASSWORD);
                while (System.nanoTime() < end) {
                    int roll = ThreadLocalRandom.current().nextInt(20);
                    long t0 = System.nanoTime();
                    try {
                        if (roll == 0) {
                            session = client.oidc("dev").session();
                        } else if (roll == 1) {
                            session = client.credentials(TestAccounts.USER, TestAccounts.PASSWORD);
                        } else if (client.get("probe/whoami", session) != 200) {
                            errors.increment();
                        }
                        counts[Math.min(roll, 2)].increment();
                    } catch (Exception e) {
                        errors.increment();
                    }
                    if (roll >= 2 && n < micros.length) {
                        micros[n++] = (System.nanoTime() - t0) / 1000;
                    }
                    if (thinkMillis > 0) {
                        Thread.sleep(ThreadLocalRandom.current().nextInt(2 * thinkMillis + 1));
                    }
                }
                return Arrays.copyOf(micros, n);
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : latencies) {
            for (long v : f.get()) {
                all.add(v);
            }
        }
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("load: %d clients for %d s, think time %s: %,d OIDC sign-ins, %,d credentials sign-ins, %,d signed-in "
                        + "requests (%.0f/s); errors %d; signed-in request latency ms p50 %.1f, p99 %.1f, max %.1f (target: 0 errors, "
                        + "p99 < 50 ms)%n",
                clients, seconds, thinkMillis == 0 ? "none" : "0-" + 2 * thinkMillis + " ms", counts[0].sum(), counts[1].sum(),
                counts[2].sum(), counts[2].sum() / (double) seconds, errors.sum(),
                at(sorted, 0.5) / 1000.0, at(sorted, 0.99) / 1000.0, at(sorted, 1.0) / 1000.0);
        drain(idp);
    }

    /** A pass-through to the provider's token endpoint that keeps the time of the last forward. */
    private static HttpServer timedProxy(String target) throws Exception {
        // the JDK's server writes the headers and the body apart; with Nagle on, the body waits for the client's
        // delayed ACK (40 ms on Linux), which would be counted as Lumina's time
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpClient forward = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> { // daemons: idle pool threads kept the JVM up for 60 s
            Thread t = new Thread(r, "token-endpoint-pass-through");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/token", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (String h : List.of("Authorization", "Content-Type", "Accept")) {
                String v = exchange.getRequestHeaders().getFirst(h);
                if (v != null) {
                    b.header(h, v);
                }
            }
            try {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = forward.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                TOKEN_NANOS.set(System.nanoTime() - t0);
                r.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
                exchange.sendResponseHeaders(r.statusCode(), r.body().length);
                exchange.getResponseBody().write(r.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    private static void drain(MockOAuth2Server idp) {
        try {
            while (idp.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
                // the request log
            }
        } catch (RuntimeException e) {
            // none left (it throws on a timeout)
        }
    }

    /** CPU time of the embedded server's request threads (Grizzly's workers), all of them so far. */
    private static long serverCpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("grizzly-http-server")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String p(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("%.2f (%.2f)", at(s, 0.5) / 1e6, at(s, 0.9) / 1e6);
    }

    private static long at(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * (sorted.length - 1) + 0.5))];
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }

    private static int arg(List<String> a, int i, int fallback) {
        return a.size() > i && !a.get(i).isBlank() ? Integer.parseInt(a.get(i)) : fallback;
    }
}
