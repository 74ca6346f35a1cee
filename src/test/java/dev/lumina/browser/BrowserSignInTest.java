package dev.lumina.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.testing.Chromium;
import dev.lumina.demo.DemoAccounts;
import dev.lumina.demo.Demo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * End to end in a real headless Chromium against the demo ({@link Demo}): the built-in page (with and
 * without JavaScript), the dev OpenID Connect provider's own login form, client.js, a failed sign-in,
 * sign-out.
 */
class BrowserSignInTest {
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

    private static void fillAndSubmit(WebDriver d, String user, String password) {
        d.findElement(By.id("lumina-credentials-username")).sendKeys(user);
        d.findElement(By.id("lumina-credentials-password")).sendKeys(password);
        d.findElement(By.cssSelector("#lumina-credentials-credentials button[type=submit]")).click();
    }

    @Test
    void credentialsSignInThroughTheBuiltInPageThenSignOut() {
        try (Chromium chromium = Chromium.start()) {
            WebDriver d = chromium.driver();
            d.get(base + "/auth/signin?callbackUrl=%2Fdemo");
            assertEquals("Sign in", d.getTitle());
            d.findElement(By.id("lumina-credentials-username")).sendKeys(DemoAccounts.USER);
            d.findElement(By.id("lumina-credentials-password")).sendKeys(DemoAccounts.PASSWORD);
            d.findElement(By.cssSelector("#lumina-credentials-credentials button[type=submit]")).click();
            waiting(d).until(ExpectedConditions.urlToBe(base + "/demo"));
            waiting(d).until(ExpectedConditions.textToBe(By.id("status"), "authenticated"));
            assertTrue(d.findElement(By.id("who")).getText().contains("Demo User (demo@lumina.example)"));
            Cookie session = d.manage().getCookieNamed("lumina.session");
            assertTrue(session != null && session.isHttpOnly(), "the session cookie is HttpOnly");

            // sign-out through client.js
            d.findElement(By.id("signout")).click();
            waiting(d).until(ExpectedConditions.textToBe(By.id("status"), "unauthenticated"));
            assertEquals(null, d.manage().getCookieNamed("lumina.session"));
            d.get(base + "/auth/session");
            assertEquals("null", d.findElement(By.tagName("body")).getText().trim());
        }
    }

    @Test
    void failedSignInLandsOnTheFailureUrlWithTheErrorInAuthState() {
        try (Chromium chromium = Chromium.start()) {
            WebDriver d = chromium.driver();
            d.get(base + "/demo");
            waiting(d).until(ExpectedConditions.textToBe(By.id("status"), "unauthenticated"));
            d.findElement(By.name("username")).sendKeys(DemoAccounts.USER);
            d.findElement(By.name("password")).sendKeys("not-the-password");
            d.findElement(By.cssSelector("#credentials button[type=submit]")).click();
            // client.js reads ?error=credentials_invalid&provider=credentials of the failure URL, then takes it
            // off the address bar
            waiting(d).until(ExpectedConditions.urlToBe(base + "/demo/failed"));
            WebElement error = waiting(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
            assertEquals("credentials_invalid", error.getAttribute("data-error"));
            assertEquals(base + "/demo/failed", d.getCurrentUrl());
            assertTrue(error.getText().contains("Wrong username or password."));
            assertEquals("unauthenticated", d.findElement(By.id("status")).getText());
            assertFalse(d.getCurrentUrl().contains("not-the-password"));

            // and then the right password through client.js
            d.findElement(By.name("username")).sendKeys(DemoAccounts.USER);
            d.findElement(By.name("password")).sendKeys(DemoAccounts.PASSWORD);
            d.findElement(By.cssSelector("#credentials button[type=submit]")).click();
            waiting(d).until(ExpectedConditions.urlToBe(base + "/demo"));
            waiting(d).until(ExpectedConditions.textToBe(By.id("status"), "authenticated"));
            assertFalse(d.findElement(By.id("error")).isDisplayed());
        }
    }

    @Test
    void oidcSignInThroughTheProvidersOwnLoginFormFromTheBuiltInPageAndFromClientJs() {
        try (Chromium chromium = Chromium.start()) {
            WebDriver d = chromium.driver();
            d.get(base + "/auth/signin?callbackUrl=%2Fdemo");
            d.findElement(By.id("lumina-provider-dev")).click();
            loginAtTheProvider(d, "octocat");
            waiting(d).until(ExpectedConditions.urlToBe(base + "/demo"));
            waiting(d).until(ExpectedConditions.textToBe(By.id("status"), "authenticated"));
            assertTrue(d.findElement(By.id("who")).getText().startsWith("Signed in as octocat"),
                    d.findElement(By.id("who")).getText());
            assertTrue(d.manage().getCookies().stream().noneMatch(c -> c.getName().startsWith("lumina.flow")),
                    "the flow cookie is cleared");

            d.findElement(By.id("signout")).click();
            waiting(d).until(ExpectedConditions.textToBe(By.id("status"), "unauthenticated"));
            // the same provider through client.js: signIn("dev") sends the page to the provider
            waiting(d).until(ExpectedConditions.elementToBeClickable(By.id("signin-dev"))).click();
            loginAtTheProvider(d, "grace");
            waiting(d).until(ExpectedConditions.urlToBe(base + "/demo"));
            waiting(d).until(ExpectedConditions.textToBe(By.id("status"), "authenticated"));
            assertTrue(d.findElement(By.id("who")).getText().startsWith("Signed in as grace"));
        }
    }

    @Test
    void S83_inARealBrowserTheFlowCookieIsHttpOnlyAndRevealsNoVerifierNonceNorUrl() {
        try (Chromium chromium = Chromium.start()) {
            WebDriver d = chromium.driver();
            d.get(base + "/auth/signin?callbackUrl=%2Fdemo%2Fsecret-place");
            d.findElement(By.id("lumina-provider-dev")).click();
            waiting(d).until(ExpectedConditions.urlContains(demo.issuer().getPath() + "/authorize?"));
            String authorize = d.getCurrentUrl(); // the provider's page: state, nonce, code_challenge in its URL
            Map<String, String> q = new java.util.HashMap<>();
            for (String pair : java.net.URI.create(authorize).getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(kv[0], java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", java.nio.charset.StandardCharsets.UTF_8));
            }
            // cookies are per host, not per port: the application's cookies are visible from here
            Cookie flow = d.manage().getCookies().stream().filter(c -> c.getName().startsWith("lumina.flow."))
                    .findFirst().orElse(null);
            assertTrue(flow != null && flow.isHttpOnly(), "the flow cookie is set and HttpOnly");
            assertEquals("Lax", flow.getSameSite());
            StringBuilder decoded = new StringBuilder();
            for (String part : flow.getValue().split("\\.")) {
                try {
                    decoded.append(new String(java.util.Base64.getUrlDecoder().decode(part),
                            java.nio.charset.StandardCharsets.ISO_8859_1));
                } catch (IllegalArgumentException e) {
                    // not base64url: nothing readable
                }
            }
            for (String secret : new String[] {q.get("nonce"), q.get("state"), q.get("code_challenge"), "secret-place", "/demo"}) {
                assertFalse(decoded.toString().contains(secret), "the flow cookie reveals " + secret);
            }
            d.get(base + "/demo");
            Object visible = ((JavascriptExecutor) d).executeScript("return document.cookie");
            assertFalse(String.valueOf(visible).contains("lumina.flow"), "scripts cannot read the flow cookie");
        }
    }

    /** mock-oauth2-server's interactive login form: any user name becomes the subject. */
    private static void loginAtTheProvider(WebDriver d, String user) {
        waiting(d).until(ExpectedConditions.urlContains(":" + demo.issuer().getPort() + demo.issuer().getPath() + "/authorize?"));
        WebElement name = waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        name.sendKeys(user);
        d.findElement(By.cssSelector("input[type=submit]")).click();
    }

    @Test
    @SuppressWarnings("unchecked")
    void clientJsFollowsTheSvelteStoreContractAndSignInWithoutRedirectResolves() {
        try (Chromium chromium = Chromium.start()) {
            WebDriver d = chromium.driver();
            d.get(base + "/auth/csrf"); // a page of the origin without a CSP that forbids scripts (the built-in pages do)
            Map<String, Object> r = (Map<String, Object>) ((JavascriptExecutor) d).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + "import('/auth/client.js').then(async (m) => {"
                    + "  const seen = [];"
                    + "  const unsubscribe = m.authState.subscribe((v) => seen.push(v.status));"
                    + "  const immediate = seen.slice();"
                    + "  const wrong = await m.signIn('credentials', {redirect: false, fields: {username: 'demo', password: 'x'}});"
                    + "  const right = await m.signIn('credentials', {redirect: false, callbackUrl: '/demo',"
                    + "      fields: {username: 'demo', password: 'lumina-demo'}});"
                    + "  let frozen = false; m.authState.subscribe((v) => { frozen = Object.isFrozen(v); })();"
                    + "  const session = await m.getSession();"
                    + "  unsubscribe();"
                    + "  const before = seen.length;"
                    + "  await m.signOut({redirect: false});"
                    + "  done({immediate, seen, afterUnsubscribe: seen.length - before, wrong, right, frozen,"
                    + "        email: session && session.email, typeofUnsubscribe: typeof unsubscribe});"
                    + "}).catch((e) => done({failure: String(e)}));");
            assertEquals(null, r.get("failure"));
            assertEquals(List.of("loading"), r.get("immediate"), "subscribe calls back at once with the current value");
            assertEquals("function", r.get("typeofUnsubscribe"));
            assertEquals(0L, ((Number) r.get("afterUnsubscribe")).longValue(), "no call after unsubscribe");
            assertTrue(((List<String>) r.get("seen")).contains("authenticated"), r.toString());
            Map<String, Object> wrong = (Map<String, Object>) r.get("wrong");
            assertEquals(false, wrong.get("ok"));
            assertEquals("credentials_invalid", wrong.get("error"));
            assertEquals(401L, ((Number) wrong.get("status")).longValue());
            Map<String, Object> right = (Map<String, Object>) r.get("right");
            assertEquals(true, right.get("ok"));
            assertEquals("/demo", right.get("url"));
            assertEquals(true, r.get("frozen"));
            assertEquals("demo@lumina.example", r.get("email"));
            assertEquals(null, d.manage().getCookieNamed("lumina.session"), "signOut cleared the session");
        }
    }

    @Test
    void builtInPageWorksWithJavaScriptDisabled() {
        try (Chromium chromium = Chromium.withoutJavaScript()) {
            WebDriver d = chromium.driver();
            // a protected page sends the browser to the sign-in page, which brings it back afterwards
            d.get(base + "/demo/me");
            waiting(d).until(ExpectedConditions.urlContains("/auth/signin?callbackUrl="));
            fillAndSubmit(d, DemoAccounts.USER, "wrong");
            WebElement alert = waiting(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("lumina-error")));
            assertEquals("credentials_invalid", alert.getAttribute("data-error"));
            assertTrue(d.getCurrentUrl().contains("callbackUrl=%2Fdemo%2Fme"), d.getCurrentUrl());
            fillAndSubmit(d, DemoAccounts.USER, DemoAccounts.PASSWORD);
            waiting(d).until(ExpectedConditions.urlToBe(base + "/demo/me"));
            assertEquals("Signed in as Demo User (demo@lumina.example)", d.findElement(By.id("me")).getText());
            // sign-out with the page's plain form
            d.get(base + "/auth/signin");
            assertTrue(d.findElement(By.id("lumina-signed-in")).getText().contains("Demo User"));
            d.findElement(By.cssSelector("#lumina-signed-in button[type=submit]")).click();
            waiting(d).until(ExpectedConditions.urlToBe(base + "/"));
            assertEquals(null, d.manage().getCookieNamed("lumina.session"));
        }
    }
}
