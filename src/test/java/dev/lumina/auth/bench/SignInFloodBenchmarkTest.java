package dev.lumina.auth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.Profile;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.config.ProviderType;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.internal.flow.FlowSeal;
import dev.lumina.auth.internal.flow.FlowState;
import dev.lumina.auth.internal.flow.OAuthSignIn;
import dev.lumina.auth.internal.oauth.OAuthProvider;
import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.KeyRing;
import dev.lumina.auth.testing.TestSecrets;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Figures, printed rather than asserted on time: S23 (10 000 sign-ins: no duplicate state, nonce or
 * verifier, each of the required size) and S71 (10 000 sign-in starts: no state kept on the server, heap
 * flat). {@code -Dlumina.bench.signins=N} changes the count.
 */
class SignInFloodBenchmarkTest {
    static final int COUNT = Integer.getInteger("lumina.bench.signins", 10_000);

    static final class FixedProvider implements OAuthProvider {
        @Override
        public ProviderConfig config() {
            return ProviderConfig.builder("p", ProviderType.OIDC).clientId("c").build();
        }

        @Override
        public URI authorizationEndpoint() {
            return URI.create("https://idp.example/authorize");
        }

        @Override
        public List<String> scopes() {
            return List.of("openid");
        }

        @Override
        public boolean usesNonce() {
            return true;
        }

        @Override
        public Optional<String> issuer() {
            return Optional.empty();
        }

        @Override
        public Profile profile(String code, URI redirectUri, String verifier, String nonce) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void s23_tenThousandSignInsGiveUniqueStateNonceAndVerifierOfFullSize() {
        AuthConfig config = AuthConfig.builder().secrets(TestSecrets.A).build();
        FlowSeal seal = new FlowSeal(new JoseTokens(KeyRing.of(config.secrets()), Duration.ofSeconds(60)),
                Duration.ofMinutes(10), Clock.systemUTC());
        OAuthSignIn signIn = new OAuthSignIn(seal);
        OAuthProvider provider = new FixedProvider();
        Set<String> states = new HashSet<>();
        Set<String> nonces = new HashSet<>();
        Set<String> verifiers = new HashSet<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < COUNT; i++) {
            OAuthSignIn.Started s = signIn.start(provider, "/", "/e", URI.create("https://app.example/auth/callback/p"));
            FlowState f = seal.open(s.flowCookie());
            assertTrue(f.state().matches("[A-Za-z0-9_-]{22}"), "128-bit state");
            assertTrue(f.nonce().matches("[A-Za-z0-9_-]{22}"), "128-bit nonce");
            assertTrue(f.verifier().matches("[A-Za-z0-9_-]{43}"), "256-bit verifier");
            states.add(f.state());
            nonces.add(f.nonce());
            verifiers.add(f.verifier());
        }
        long micros = (System.nanoTime() - t0) / 1000 / COUNT;
        assertEquals(COUNT, states.size());
        assertEquals(COUNT, nonces.size());
        assertEquals(COUNT, verifiers.size());
        System.out.printf("S23 figure: %d sign-ins, 0 duplicate state/nonce/verifier; seal+open %d us per sign-in%n", COUNT, micros);
    }

    @Test
    void s71_tenThousandSignInStartsKeepTheHeapFlat() throws Exception {
        try (dev.lumina.auth.oidc.HostileIdpAccess idp = new dev.lumina.auth.oidc.HostileIdpAccess();
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
            for (int i = 1; i <= COUNT; i++) {
                HttpResponse<Void> r = send(http, start);
                assertEquals(303, r.statusCode());
                if (i % (COUNT / 4) == 0) {
                    marks[i / (COUNT / 4) - 1] = usedAfterGc(memory);
                }
            }
            double perSecond = COUNT / ((System.nanoTime() - t0) / 1e9);
            long after = usedAfterGc(memory);
            System.out.printf("S71 figure: %d sign-in starts at %.0f/s; heap after GC %d MB before, %d/%d/%d/%d MB at each quarter, %d MB after%n",
                    COUNT, perSecond, mb(before), mb(marks[0]), mb(marks[1]), mb(marks[2]), mb(marks[3]), mb(after));
            assertTrue(after - before < 64L << 20, "no state kept per sign-in: heap grew " + mb(after - before) + " MB");
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
