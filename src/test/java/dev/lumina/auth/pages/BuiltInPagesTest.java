package dev.lumina.auth.pages;

import static dev.lumina.auth.testing.Browserless.at;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.internal.pages.Html;
import dev.lumina.auth.testing.TestAccounts;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /auth/signin, GET /auth/error and GET /auth/client.js. */
class BuiltInPagesTest {
    static LuminaServer server;

    @BeforeAll
    static void start() {
        server = LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.providers.corp.type", "oidc")
                .property("lumina.auth.providers.corp.name", "Corp <SSO>")
                .property("lumina.auth.providers.corp.client-id", "lumina")
                .property("lumina.auth.providers.corp.issuer", "http://127.0.0.1:1/corp")
                .property("lumina.auth.providers.login.type", "credentials")
                .property("lumina.auth.providers.login.name", "Email")
                .property("lumina.auth.providers.login.fields", "email,password")
                .classes(TestAccounts.class)
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void signInPageHasACsrfProtectedFormPerProvider() {
        Response r = at(server).accept("text/html").get("auth/signin");
        r.then().statusCode(200).contentType(startsWith("text/html"));
        String html = r.asString();
        String cookie = r.getCookie("lumina.csrf");
        String token = cookie.substring(0, cookie.indexOf('.'));
        assertTrue(html.contains("<form method=\"post\" action=\"/auth/signin/corp\"><input type=\"hidden\" name=\"csrfToken\" value=\""
                + token + "\">"), html);
        assertTrue(html.contains("Continue with Corp &lt;SSO&gt;"), "names are escaped");
        assertTrue(html.contains("action=\"/auth/callback/login\""));
        assertTrue(html.contains("name=\"email\" type=\"email\""));
        assertTrue(html.contains("name=\"password\" type=\"password\" autocomplete=\"current-password\""));
        assertEquals(2, count(html, "name=\"csrfToken\" value=\"" + token + "\""));
        assertFalse(html.contains("<script"), "the page needs no JavaScript");
    }

    @Test
    void pagesAreNeverCachedAndAllowNoScript() throws Exception {
        for (String path : new String[] {"auth/signin", "auth/error?error=state_invalid"}) {
            Response r = at(server).get(path);
            r.then().header("Cache-Control", "no-store").header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff");
            String csp = r.getHeader("Content-Security-Policy");
            assertTrue(csp.startsWith("default-src 'none'; style-src 'sha256-"), csp);
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("base-uri 'none'"), csp);
            assertFalse(csp.contains("unsafe") || csp.contains("script-src"), csp);
            Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(r.asString());
            assertTrue(style.find());
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
            assertTrue(csp.contains("'sha256-" + hash + "'"), "the CSP allows exactly the page's style");
        }
    }

    @Test
    void errorCodeShowsItsMessageAndNothingFromTheUrlIsReflected() {
        String html = at(server).queryParam("error", "credentials_invalid").queryParam("provider", "login")
                .get("auth/signin").asString();
        assertTrue(html.contains("Those details did not work") && html.contains("(Email)"), html);
        String hostile = at(server).queryParam("error", "<script>alert(1)</script>")
                .queryParam("provider", "\"><img src=x onerror=alert(1)>").get("auth/signin").asString();
        assertTrue(hostile.contains("Sign-in failed. Please try again."));
        assertFalse(hostile.contains("<script>alert") || hostile.contains("<img") || hostile.contains("onerror"), hostile);
    }

    @Test
    void callbackUrlIsCarriedIntoEveryFormWhenSafeAndDroppedOtherwise() {
        String html = at(server).queryParam("callbackUrl", "/account?tab=1&x=2").get("auth/signin").asString();
        assertEquals(2, count(html, "name=\"callbackUrl\" value=\"/account?tab=1&amp;x=2\""), html);
        assertTrue(html.contains("name=\"errorUrl\" value=\"/auth/signin?callbackUrl=%2Faccount%3Ftab%3D1%26x%3D2\""), html);
        for (String evil : new String[] {"https://evil.example/", "//evil.example", "javascript:alert(1)", "/\"><script>x</script>"}) {
            String page = at(server).queryParam("callbackUrl", evil).get("auth/signin").asString();
            assertFalse(page.contains("name=\"callbackUrl\""), evil);
            assertFalse(page.contains("evil.example") || page.contains("<script>x"), evil);
        }
    }

    @Test
    void errorPageExplainsTheCodeAndLinksBackToSignIn() {
        Response r = at(server).queryParam("error", "state_invalid").queryParam("provider", "corp").get("auth/error");
        r.then().statusCode(200).body(containsString("Your sign-in expired")).body(containsString("(Corp &lt;SSO&gt;)"))
                .body(containsString("href=\"/auth/signin\"")).body(containsString("Error code: state_invalid"));
        at(server).queryParam("error", "<b>x</b>").queryParam("provider", "<script>").get("auth/error").then()
                .body(not(containsString("<b>x"))).body(not(containsString("<script>")));
    }

    @Test
    void clientScriptIsAnEsModuleWithItsOwnContentType() {
        Response r = at(server).get("auth/client.js");
        r.then().statusCode(200).contentType(startsWith("text/javascript")).header("X-Content-Type-Options", "nosniff")
                .body(containsString("export async function signIn(")).body(containsString("export const authState"))
                .body(containsString("export async function signOut(")).body(containsString("export async function getSession("))
                .body(containsString("export async function getProviders("));
        assertEquals(npmModule(), r.asString(), "the jar serves the npm package's module as it is");
        at(server).header("If-None-Match", r.getHeader("ETag")).get("auth/client.js").then().statusCode(304);
    }

    /** client/src/index.js, the one source of client.js (the tests run from the project's directory). */
    private static String npmModule() {
        try {
            return Files.readString(Path.of("client", "src", "index.js"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void htmlEscapingCoversTextAndAttributes() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;", Html.escape("<a href=\"x\" title='y'>&"));
        assertEquals("", Html.escape(null));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
