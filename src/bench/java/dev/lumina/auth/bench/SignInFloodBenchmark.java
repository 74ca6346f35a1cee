package dev.lumina.auth.bench;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.oidc.HostileIdpAccess;
import dev.lumina.auth.testing.TestSecrets;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * S71 as figures: N sign-in starts against the embedded runtime (default 10,000), their rate and the heap after
 * GC at each quarter; nothing is kept on the server per sign-in, so the heap stays flat.
 * {@code mvn -B -Pbench -Dbench.main=dev.lumina.auth.bench.SignInFloodBenchmark [-Dbench.args=N]}.
 */
public final class SignInFloodBenchmark {
    private SignInFloodBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].trim()) : 10_000;
        try (HostileIdpAccess idp = new HostileIdpAccess();
             LuminaServer app = LuminaServer.builder().port(0)
                     .property("lumina.auth.secret", TestSecrets.A)
                     .property("lumina.auth.providers.p.type", "oidc")
                     .property("lumina.auth.providers.p.issuer", idp.issuer())
                     .property("lumina.auth.providers.p.client-id", "c")
                     .start()) {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1).build(); // no h2c upgrade on a POST
            HttpResponse<String> csrf = http.send(HttpRequest.newBuilder(app.uri().resolve("auth/csrf")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = csrf.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String token = csrf.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
            HttpRequest start = HttpRequest.newBuilder(app.uri().resolve("auth/signin/p"))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + token + "&callbackUrl=/"))
                    .timeout(Duration.ofSeconds(30)).build();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            for (int i = 0; i < 500; i++) { // warm-up
                send(http, start);
            }
            long before = usedAfterGc(memory);
            long t0 = System.nanoTime();
            long[] marks = new long[4];
            for (int i = 1; i <= count; i++) {
                HttpResponse<Void> r = send(http, start);
                if (r.statusCode() != 303) {
                    throw new IllegalStateException("sign-in start answered " + r.statusCode());
                }
                if (i % (count / 4) == 0) {
                    marks[i / (count / 4) - 1] = usedAfterGc(memory);
                }
            }
            double perSecond = count / ((System.nanoTime() - t0) / 1e9);
            long after = usedAfterGc(memory);
            System.out.printf("S71 figure: %d sign-in starts at %.0f/s; heap after GC %d MB before, %d/%d/%d/%d MB at each quarter, %d MB after%n",
                    count, perSecond, mb(before), mb(marks[0]), mb(marks[1]), mb(marks[2]), mb(marks[3]), mb(after));
        }
    }

    /** Grizzly closes a kept-alive connection after its 256th request; the client then retries once. */
    private static HttpResponse<Void> send(HttpClient http, HttpRequest request) throws Exception {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            return http.send(request, HttpResponse.BodyHandlers.discarding());
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        System.gc();
        Thread.sleep(100);
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }
}
