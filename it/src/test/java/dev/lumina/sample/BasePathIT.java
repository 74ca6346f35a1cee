package dev.lumina.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample with {@code lumina.auth.base-path=/api/login} in its own {@code microprofile-config.properties}: every
 * endpoint, the provider's redirect URI and the pages move, and {@code /auth} is no longer Lumina's. Runs on
 * WildFly only: on Payara Micro every deployment boots a server of its own (about 30 s), and the mapping is
 * plain JAX-RS (a pre-matching filter), proven here on RESTEasy and, embedded, on Jersey.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BasePathIT {
    static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = SampleDeployment.sample();
        String config = new String(readAll(war, CONFIG), java.nio.charset.StandardCharsets.UTF_8);
        war.delete(CONFIG);
        war.add(new StringAsset(config + "\nlumina.auth.base-path=/api/login\n"), CONFIG);
        return war;
    }

    private static byte[] readAll(WebArchive war, String path) {
        try (var in = war.get(path).getAsset().openStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ArquillianResource
    URL url;

    Browser browser() {
        return new Browser(SampleDeployment.base(url), "api/login/");
    }

    @Test
    void oidcAndPasswordSignInWorkUnderTheBasePath() {
        Browser browser = browser();
        HttpResponse<String> done = browser.signInWithDev(browser.path("me"), browser.path("failed"));
        Browser.assertRedirect(done);
        assertEquals(browser.url("me"), Browser.location(done));
        assertEquals(200, browser.get("me").statusCode());
        assertTrue(browser.get("api/login/session").body().contains("\"subject\""));

        Browser other = browser();
        Browser.assertRedirect(other.signInWithPassword("carol@example.com", "carol-password", other.path("me"), other.path("x")));
        assertEquals(200, other.get("me").statusCode());
    }

    @Test
    void theDefaultPathIsNotLuminasAnyMore() {
        Browser browser = browser();
        for (String path : new String[] {"auth/session", "auth/csrf", "auth/client.js", "_lumina-auth/session"}) {
            assertEquals(404, browser.get(path).statusCode(), path);
        }
        HttpResponse<String> providers = browser.get("api/login/providers");
        assertEquals(200, providers.statusCode());
        URI app = SampleDeployment.base(url);
        assertTrue(providers.body().contains("\"signinUrl\":\"" + app.getPath() + "api/login/signin/dev\""), providers.body());
        assertTrue(browser.get("api/login/client.js").statusCode() == 200);
    }
}
