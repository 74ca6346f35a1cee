package dev.lumina.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.Chromium;
import dev.lumina.auth.testing.ProfileDecider;
import dev.lumina.auth.testing.TestAccounts;
import dev.lumina.auth.testing.TestSecrets;
import dev.lumina.auth.testing.ViteDevServer;
import dev.lumina.demo.DemoPageResource;
import dev.lumina.demo.DemoProviderCall;
import dev.lumina.demo.DemoUsers;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end through {@code examples/sveltekit}, as its developer runs it: the SvelteKit app in Vite's dev
 * server, whose proxy sends {@code /auth} and the demo's API to an embedded Lumina server (with
 * {@code lumina.auth.trust-forwarded-headers=true}, as the example's README says), driven in headless Chromium.
 * The browser only ever talks to Vite's origin. The dev provider is mock-oauth2-server's login form, where any
 * name signs in; the application refuses {@code mallory}.
 */
class SvelteKitExampleTest {
    private static final Duration WAIT = Duration.ofSeconds(120); // a busy 2-core machine compiles pages slowly

    static MockOAuth2Server idp;
    static LuminaServer lumina;
    static ViteDevServer vite;
    static Chromium chromium;

    @BeforeAll
    static void start() {
        Chromium.requireInstalled();
        idp = new MockOAuth2Server(new OAuth2Config(true)); // the interactive login form
        idp.start(InetAddress.getLoopbackAddress(), 0);
        lumina = LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.trust-forwarded-headers", "true")
                .property("lumina.auth.providers.dev.type", "oidc")
                .property("lumina.auth.providers.dev.name", "Dev")
                .property("lumina.auth.providers.dev.issuer", idp.issuerUrl("default").toString())
                .property("lumina.auth.providers.dev.client-id", "sveltekit-example")
                .property("lumina.auth.providers.credentials.type", "credentials")
                .property("lumina.auth.providers.credentials.name", "Account")
                .property("lumina.auth.providers.credentials.fields", "username,password")
                .classes(TestAccounts.class, ProfileDecider.class, DemoUsers.class, DemoPageResource.class, DemoProviderCall.class)
                .start();
        lumina.beans().select(ProfileDecider.class).get().decide(e -> {
            if ("mallory".equals(e.profile().subject())) {
                e.reject("blocked");
            }
        });
        vite = ViteDevServer.start(ViteDevServer.checkout().resolve("examples/sveltekit"), lumina.uri());
        vite.warm("/login", "/failed");
        chromium = Chromium.start();
        // every page once in the browser, until hydrated: Vite compiles the modules each needs on first request
        for (String page : new String[] {"/failed", "/", "/login"}) {
            chromium.driver().get(vite.url(page));
            waiting().until(d -> !"loading".equals(d.findElement(By.id("status")).getAttribute("data-status")));
        }
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("signin-dev")));
    }

    @AfterAll
    static void stop() {
        try (AutoCloseable b = chromium; AutoCloseable v = vite; AutoCloseable l = lumina) {
            if (idp != null) {
                idp.shutdown();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @BeforeEach
    void signedOut() {
        chromium.driver().manage().deleteAllCookies();
    }

    private static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(chromium.driver(), WAIT);
        wait.ignoring(StaleElementReferenceException.class); // Svelte replaces the element it polls between reads
        wait.withMessage(() -> "at " + chromium.driver().getCurrentUrl() + " showing\n" + page() + "\nVite said:\n"
                + vite.output());
        return wait;
    }

    /** The page's text, for a failure message. */
    private static String page() {
        try {
            return chromium.driver().findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(no page: " + e.getMessage() + ")";
        }
    }

    private static void status(String expected) {
        // read in the page in one step: Svelte replaces the element between a lookup and a read from the driver
        waiting().until(d -> expected.equals(((JavascriptExecutor) d).executeScript(
                "const e = document.getElementById('status'); return e && e.getAttribute('data-status');")));
    }

    @Test
    void signedOutThenSignInWithTheDevProviderShowsTheUserThenSignOut() {
        WebDriver d = chromium.driver();
        d.get(vite.url("/"));
        status("unauthenticated");
        d.findElement(By.id("signin-link")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("signin-dev"))).click();
        loginAtTheProvider(d, "octocat");

        waiting().until(ExpectedConditions.urlToBe(vite.url("/")));
        status("authenticated");
        assertEquals("Signed in as dev:octocat", d.findElement(By.id("user")).getText());
        // the back end's API, through the same proxy and cookie
        WebElement whoami = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("whoami")));
        assertTrue(whoami.getText().contains("\"subject\":\"dev:octocat\""), whoami.getText());
        assertNotNull(d.manage().getCookieNamed("lumina.session"), "the session cookie is on Vite's origin");
        assertTrue(d.manage().getCookies().stream().noneMatch(c -> c.getName().startsWith("lumina.flow")),
                "the flow cookie came back and was cleared: " + d.manage().getCookies());

        d.findElement(By.id("signout")).click();
        status("unauthenticated");
        assertEquals(vite.url("/"), d.getCurrentUrl());
        assertNull(d.manage().getCookieNamed("lumina.session"));
        assertTrue(d.findElement(By.id("signed-out")).isDisplayed());
    }

    @Test
    void aSignInTheApplicationRefusesShowsAccessDeniedOnTheFailurePage() {
        WebDriver d = chromium.driver();
        d.get(vite.url("/login"));
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("signin-dev"))).click();
        loginAtTheProvider(d, "mallory");

        WebElement error = failure("access_denied");
        assertTrue(error.getText().contains("The sign-in was refused."), error.getText());
        status("unauthenticated");
        assertNull(d.manage().getCookieNamed("lumina.session"));
    }

    @Test
    void aWrongPasswordShowsCredentialsInvalidThenTheRightOneSignsIn() {
        WebDriver d = chromium.driver();
        d.get(vite.url("/login"));
        credentials(d, TestAccounts.USER, "not the password");
        WebElement error = failure("credentials_invalid");
        assertTrue(error.getText().contains("Wrong username or password."), error.getText());
        assertFalse(d.getCurrentUrl().contains("not"), d.getCurrentUrl());

        d.findElement(By.linkText("Try again")).click();
        credentials(d, TestAccounts.USER, TestAccounts.PASSWORD);
        waiting().until(ExpectedConditions.urlToBe(vite.url("/")));
        status("authenticated");
        assertEquals("Signed in as Alice Liddell (alice@example.com)", d.findElement(By.id("user")).getText());
    }

    /** The failure page with the error read from its URL, which no longer carries it. */
    private static WebElement failure(String code) {
        WebDriver d = chromium.driver();
        waiting().until(ExpectedConditions.urlToBe(vite.url("/failed")));
        WebElement error = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("error")));
        assertEquals(code, error.getAttribute("data-error"));
        assertEquals(vite.url("/failed"), d.getCurrentUrl(), "the error is taken off the address bar");
        return error;
    }

    private static void credentials(WebDriver d, String user, String password) {
        WebElement form = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#form-credentials button")));
        WebElement name = d.findElement(By.cssSelector("#form-credentials input[name=username]"));
        name.clear();
        name.sendKeys(user);
        d.findElement(By.cssSelector("#form-credentials input[name=password]")).sendKeys(password);
        form.click();
    }

    /** mock-oauth2-server's login form: the name typed becomes the subject. */
    private static void loginAtTheProvider(WebDriver d, String user) {
        URI issuer = URI.create(idp.issuerUrl("default").toString());
        waiting().until(ExpectedConditions.urlContains(":" + issuer.getPort() + issuer.getPath() + "/authorize?"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.name("username"))).sendKeys(user);
        d.findElement(By.cssSelector("input[type=submit]")).click();
    }
}
