package dev.lumina.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.lumina.auth.testing.Chromium;
import dev.lumina.demo.Demo;
import dev.lumina.demo.DemoAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo started the way {@code DemoApp} starts it, on a port given in advance (8080 there), and opened in
 * a real headless Chromium as {@code 127.0.0.1} and as {@code localhost}: a credentials sign-in and a dev
 * OpenID Connect sign-in both land signed in on the origin the browser used. (A demo that fixed its base URL
 * to {@code localhost} sent the browser from 127.0.0.1 to localhost, where it had no cookie: signed out after
 * credentials, {@code state_invalid} after OIDC.)
 */
class DemoHostsBrowserTest {
    static Demo demo;

    @BeforeAll
    static void start() {
        Chromium.requireInstalled();
        demo = Demo.start(unusedPort());
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    /** A port nothing listens on now, to start the demo on a given port as DemoApp does (0 would hide the case). */
    private static int unusedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base(String host) {
        return "http://" + host + ":" + demo.app().port();
    }

    private static WebDriverWait waiting(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(15));
    }

    /** On a /demo page of the application (any host), once client.js has told the state: where the flow ended. */
    private static ExpectedCondition<Boolean> landedOnTheDemoPage() {
        return d -> {
            URI at = URI.create(d.getCurrentUrl());
            if (at.getPort() != demo.app().port() || !at.getPath().startsWith("/demo")) {
                return false;
            }
            Object status = ((JavascriptExecutor) d).executeScript("return document.body && document.body.dataset.status");
            return status != null && !"loading".equals(status);
        };
    }

    private static String status(WebDriver d) {
        return d.findElement(By.id("status")).getText();
    }

    @ParameterizedTest(name = "via {0}")
    @ValueSource(strings = {"127.0.0.1", "localhost"})
    void credentialsSignInLandsSignedInOnTheHostTheBrowserUsed(String host) {
        String base = base(host);
        try (Chromium chromium = Chromium.start()) {
            WebDriver d = chromium.driver();
            d.get(base + "/auth/signin?callbackUrl=%2Fdemo");
            d.findElement(By.id("lumina-credentials-username")).sendKeys(DemoAccounts.USER);
            d.findElement(By.id("lumina-credentials-password")).sendKeys(DemoAccounts.PASSWORD);
            d.findElement(By.cssSelector("#lumina-credentials-credentials button[type=submit]")).click();
            waiting(d).until(landedOnTheDemoPage());
            assertEquals(base + "/demo", d.getCurrentUrl(), "the redirect after sign-in stays on " + host);
            assertEquals("authenticated", status(d));
            assertNotNull(d.manage().getCookieNamed("lumina.session"), "the session cookie is set on " + host);
            assertEquals("Signed in as Demo User (demo@lumina.example)", d.findElement(By.id("who")).getText());
        }
    }

    @ParameterizedTest(name = "via {0}")
    @ValueSource(strings = {"127.0.0.1", "localhost"})
    void oidcSignInThroughTheDevProviderLandsSignedInOnTheHostTheBrowserUsed(String host) {
        String base = base(host);
        try (Chromium chromium = Chromium.start()) {
            WebDriver d = chromium.driver();
            d.get(base + "/demo");
            waiting(d).until(ExpectedConditions.textToBe(By.id("status"), "unauthenticated"));
            waiting(d).until(ExpectedConditions.elementToBeClickable(By.id("signin-dev"))).click();

            // at the provider's login form
            waiting(d).until(ExpectedConditions.urlContains(":" + demo.issuer().getPort() + demo.issuer().getPath() + "/authorize?"));
            String redirectUri = query(d.getCurrentUrl()).get("redirect_uri");
            WebElement name = waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
            name.sendKeys("ada");
            d.findElement(By.cssSelector("input[type=submit]")).click();

            waiting(d).until(landedOnTheDemoPage());
            assertEquals(base + "/demo", d.getCurrentUrl(), "back on " + host + ", not on a failure page");
            assertEquals("authenticated", status(d));
            assertEquals(base + "/auth/callback/dev", redirectUri, "the provider was given a redirect_uri on " + host);
            assertEquals("Signed in as ada", d.findElement(By.id("who")).getText(), "no email: the name alone");
        }
    }

    private static Map<String, String> query(String url) {
        Map<String, String> q = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return q;
    }
}
