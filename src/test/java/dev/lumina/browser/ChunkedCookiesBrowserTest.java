package dev.lumina.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.testing.Chromium;
import dev.lumina.demo.Demo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * S61 in a real headless Chromium against the demo: a session of 300 roles (over 4 KB) and the dev provider's
 * tokens carrying them are stored in numbered chunks, sent back by the browser and put together again (the
 * session answers, the kept access token calls the provider), and sign-out clears every chunk.
 */
class ChunkedCookiesBrowserTest {
    static Demo demo;
    static String base;

    @BeforeAll
    static void start() {
        Chromium.requireInstalled();
        demo = Demo.start(0);
        base = "http://localhost:" + demo.app().port();
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    static Set<String> luminaCookies(WebDriver d) {
        return d.manage().getCookies().stream().map(Cookie::getName).filter(n -> n.startsWith("lumina."))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The dev provider's login form, with the claims its tokens (and so the session's roles) get. */
    private static void signIn(WebDriver d, WebDriverWait wait, String claims) {
        d.get(base + "/auth/signin?callbackUrl=%2Fdemo");
        d.findElement(By.id("lumina-provider-dev")).click();
        wait.until(ExpectedConditions.urlContains(":" + demo.issuer().getPort() + demo.issuer().getPath() + "/authorize?"));
        WebElement name = wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        name.sendKeys("many-roles");
        ((JavascriptExecutor) d).executeScript("document.querySelector('[name=claims]').value = arguments[0];", claims);
        d.findElement(By.cssSelector("input[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/demo"));
        wait.until(ExpectedConditions.textToBe(By.id("status"), "authenticated"));
    }

    @Test
    void s61_aBigSessionAndBigTokensSurviveTheRoundTripInChunks() {
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            roles.add("\"role-number-" + i + "\"");
        }
        String claims = "{\"roles\": [" + String.join(",", roles) + "]}";
        try (Chromium chromium = Chromium.start()) {
            WebDriver d = chromium.driver();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
            signIn(d, wait, claims);

            Set<String> names = luminaCookies(d);
            assertTrue(names.containsAll(Set.of("lumina.session.0", "lumina.session.1")), names.toString());
            assertFalse(names.contains("lumina.session"), names.toString());
            assertTrue(names.containsAll(Set.of("lumina.tokens.0", "lumina.tokens.1")), names.toString());
            for (Cookie c : d.manage().getCookies()) {
                if (c.getName().startsWith("lumina.")) {
                    assertTrue(c.isHttpOnly(), c.getName());
                    assertEquals("Lax", c.getSameSite(), c.getName());
                    assertTrue(c.getName().length() + c.getValue().length() <= 4096, c.getName());
                }
            }
            System.out.println("[figures] Chromium kept " + names + " for a session of 300 roles and its tokens");

            // the session, put together from its chunks, is believed
            d.get(base + "/demo/whoami");
            String who = d.findElement(By.tagName("body")).getText().replaceAll("\\s", "");
            assertTrue(who.contains("\"subject\":\"dev:many-roles\""), who);
            // the tokens, put together from theirs, call the provider
            d.get(base + "/demo/provider-call");
            String userinfo = d.findElement(By.tagName("body")).getText().replaceAll("\\s", "");
            assertTrue(userinfo.contains("\"sub\":\"many-roles\"") && userinfo.contains("role-number-299"), userinfo);
            Object visible = ((JavascriptExecutor) d).executeScript("return document.cookie");
            assertFalse(String.valueOf(visible).contains("lumina."), "no script reads any chunk");

            d.get(base + "/demo");
            wait.until(ExpectedConditions.textToBe(By.id("status"), "authenticated"));
            d.findElement(By.id("signout")).click();
            wait.until(ExpectedConditions.textToBe(By.id("status"), "unauthenticated"));
            assertEquals(Set.of(), luminaCookies(d).stream().filter(n -> !n.equals("lumina.csrf")).collect(Collectors.toSet()),
                    "sign-out cleared every chunk of the session and of the tokens");

            // again, then a chunk goes missing: the session is refused (anonymous) and its other chunk cleared
            signIn(d, wait, claims);
            d.manage().deleteCookieNamed("lumina.session.1");
            d.get(base + "/demo/whoami");
            assertTrue(d.findElement(By.tagName("body")).getText().contains("unauthenticated"));
            assertFalse(luminaCookies(d).contains("lumina.session.0"), "the incomplete set is cleared");
        }
    }
}
