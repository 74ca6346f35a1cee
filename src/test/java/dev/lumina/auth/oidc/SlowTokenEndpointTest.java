package dev.lumina.auth.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A callback waits on the provider's token endpoint on its request thread. Callbacks waiting on a slow provider
 * hold only their own threads in the embedded runtime: more of them than Grizzly's default pool (two threads per
 * core) reach the provider together, and a signed-in request is answered while they all still wait.
 */
class SlowTokenEndpointTest {
    /** More than Grizzly's default of two request threads per core, fewer than the embedded runtime's eight. */
    static final int WAITING = Math.max(6, 3 * Runtime.getRuntime().availableProcessors());

    @Test
    void signedInRequestsAreAnsweredWhileCallbacksWaitOnTheProvider() throws Exception {
        CountDownLatch arrived = new CountDownLatch(WAITING);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService browsers = Executors.newFixedThreadPool(WAITING);
        try (HostileIdp idp = new HostileIdp();
             LuminaServer app = LuminaServer.builder().port(0)
                     .property("lumina.auth.secret", TestSecrets.A)
                     .property("lumina.auth.http.read-timeout", "PT120S") // the callbacks wait until released
                     .property("lumina.auth.providers.t.type", "oidc")
                     .property("lumina.auth.providers.t.issuer", idp.issuer("t"))
                     .property("lumina.auth.providers.t.client-id", HostileIdp.CLIENT_ID)
                     .classes(ProbeResource.class).start()) {
            idp.overrides.put("token", ex -> {
                arrived.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                HostileIdp.send(ex, 503, "{\"error\":\"temporarily_unavailable\"}");
            });
            List<Future<Response>> callbacks = new ArrayList<>();
            for (int i = 0; i < WAITING; i++) {
                callbacks.add(browsers.submit(() -> {
                    Browser b = new Browser(app.uri());
                    Response start = b.startSignIn("t", "/home", "/oops");
                    return b.get(b.authorize(start.header("Location")));
                }));
            }
            try {
                assertTrue(arrived.await(90, TimeUnit.SECONDS),
                        "only " + (WAITING - arrived.getCount()) + " of " + WAITING + " callbacks reached the provider: no request thread was left for the others");
                Response r = RestAssured.given().cookie("lumina.session", new SessionMinter(TestSecrets.A).token("alice"))
                        .get(app.uri().resolve("probe/whoami"));
                assertEquals(200, r.statusCode());
                assertTrue(r.asString().startsWith("alice|"), "answered while every callback still waits: " + r.asString());
                assertEquals(WAITING, callbacks.stream().filter(f -> !f.isDone()).count(), "the callbacks were still waiting");
            } finally {
                release.countDown();
            }
            for (Future<Response> callback : callbacks) {
                Response r = callback.get(60, TimeUnit.SECONDS);
                assertEquals(303, r.statusCode());
                assertTrue(r.header("Location").contains("error=provider_"), r.header("Location"));
            }
        } finally {
            browsers.shutdownNow();
        }
    }
}
