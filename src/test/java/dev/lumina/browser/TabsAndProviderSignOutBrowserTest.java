package dev.lumina.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.testing.Chromium;
import dev.lumina.demo.Demo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real headless Chromium against the demo: two tabs start sign-ins with the dev provider and both
 * complete (one flow cookie each), and the demo page's "Sign out everywhere at the provider" goes through the
 * provider's end_session_endpoint and back.
 */
class TabsAndProviderSignOutBrowserTest {
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

    private static WebDriverWait waiting(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(15));
    }

    /** Opens the built-in page with a callback URL and clicks the dev provider: the provider's login form shows. */
    private static void startAtTheProvider(WebDriver d, String callbackUrl) {
        d.get(base + "/auth/signin?callbackUrl=" + java.net.URLEncoder.encode(callbackUrl, java.nio.charset.StandardCharsets.UTF_8));
        d.findElement(By.id("lumina-provider-dev")).click();
        waiting(d).until(ExpectedConditions.urlContains(":" + demo.issuer().getPort() + demo.issuer().getPath() + "/authorize?"));
        waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
    }

    private static void submitAtTheProvider(WebDriver d, String user) {
        d.findElement(By.name("username")).sendKeys(user);
        d.findElement(By.cssSelector("input[type=submit]")).click();
    }

    private static List<String> flowCookies(WebDriver d) {
        List<String> names = new ArrayList<>();
        for (Cookie c : d.manage().getCookies()) {
            if (c.getName().startsWith("lumina.flow.")) {
                names.add(c.getName());
            }
        }
        return names;
    }

    @Test
    void twoTabsStartSignInsAndBothComplete() {
        try (Chromium chromium = Chromium.start()) {
            WebDriver d = chromium.driver();
            String first = d.getWindowHandle();
            startAtTheProvider(d, "/demo?tab=1");
            d.switchTo().newWindow(WindowType.TAB);
            String second = d.getWindowHandle();
            startAtTheProvider(d, "/demo?tab=2");
            // cookies are per host, not per port: the application's are visible from the provider's page
            assertEquals(2, flowCookies(d).size(), "one flow cookie per sign-in: " + flowCookies(d));

            submitAtTheProvider(d, "second-tab");
            waiting(d).until(ExpectedConditions.urlToBe(base + "/demo?tab=2"));
            waiting(d).until(ExpectedConditions.textToBe(By.id("status"), "authenticated"));
            assertTrue(d.findElement(By.id("who")).getText().startsWith("Signed in as second-tab"));

            d.switchTo().window(first);
            submitAtTheProvider(d, "first-tab");
            waiting(d).until(ExpectedConditions.urlToBe(base + "/demo?tab=1"));
            waiting(d).until(ExpectedConditions.textToBe(By.id("status"), "authenticated"));
            assertTrue(d.findElement(By.id("who")).getText().startsWith("Signed in as first-tab"),
                    "the first tab's sign-in was not broken by the second: " + d.findElement(By.id("who")).getText());
            assertEquals(List.of(), flowCookies(d), "each callback cleared its own flow cookie");
            d.switchTo().window(second).close();
            d.switchTo().window(first);
        }
    }

    @Test
    void theDemoSignsOutAtTheProviderAndComesBack() {
        try (Chromium chromium = Chromium.start()) {
            WebDriver d = chromium.driver();
            startAtTheProvider(d, "/demo");
            submitAtTheProvider(d, "ada");
            waiting(d).until(ExpectedConditions.urlToBe(base + "/demo"));
            waiting(d).until(ExpectedConditions.textToBe(By.id("status"), "authenticated"));
            Cookie hint = d.manage().getCookieNamed("lumina.logout-hint");
            assertNull(hint, "the logout hint is not sent to /demo, so this page does not see it");
            d.get(base + "/auth/csrf"); // a page under the base path sees it
            hint = d.manage().getCookieNamed("lumina.logout-hint");
            assertNotNull(hint, "the sign-in kept the ID token for the sign-out");
            assertEquals("/auth", hint.getPath());
            assertTrue(hint.isHttpOnly());
            assertEquals("Lax", hint.getSameSite());

            d.get(base + "/demo");
            waiting(d).until(ExpectedConditions.textToBe(By.id("status"), "authenticated"));
            org.openqa.selenium.WebElement page = d.findElement(By.id("status"));
            waiting(d).until(ExpectedConditions.elementToBeClickable(By.id("signout-provider"))).click();
            waiting(d).until(ExpectedConditions.stalenessOf(page)); // the page was left
            // through the provider's end_session_endpoint and <base>/signout/callback/dev, back to /demo
            waiting(d).until(ExpectedConditions.urlToBe(base + "/demo"));
            waiting(d).until(ExpectedConditions.textToBe(By.id("status"), "unauthenticated"));
            assertNull(d.manage().getCookieNamed("lumina.session"));
            assertNull(d.manage().getCookieNamed("lumina.logout"), "the logout state is cleared on return");
            d.get(base + "/auth/csrf");
            assertNull(d.manage().getCookieNamed("lumina.logout-hint"), "and the hint with the session");
        }
    }
}
