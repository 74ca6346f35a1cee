package dev.lumina.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.MockLoginForm;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's own rules ({@link DemoAccounts}, {@link DemoPageResource}), embedded: the dev provider's login
 * form answered over HTTP, with the claims a real provider would send.
 */
class DemoAccountsTest {
    static Demo demo;

    @BeforeAll
    static void start() {
        demo = Demo.start(0);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private static Browser signedIn(String user, String claimsJson) {
        Browser browser = new Browser(demo.app().uri());
        Response callback = MockLoginForm.signIn(browser, "dev", user, claimsJson);
        assertEquals(303, callback.statusCode(), callback.asString());
        assertTrue(callback.header("Location").endsWith("/demo"), callback.header("Location"));
        return browser;
    }

    private static List<String> roles(Browser browser) {
        return browser.get("auth/session").then().statusCode(200).extract().jsonPath().getList("roles", String.class);
    }

    @Test
    void rolesComeFromTheProvidersRolesClaim() {
        assertEquals(List.of("admin", "editor"), roles(signedIn("alice", "{\"roles\": [\"admin\", \"editor\"]}")));
    }

    @Test
    void rolesComeFromKeycloaksRealmAccessRolesWhenThereIsNoRolesClaim() {
        assertEquals(List.of("auditor"), roles(signedIn("carol", "{\"realm_access\": {\"roles\": [\"auditor\"]}}")));
    }

    @Test
    void withoutRolesFromTheProviderTheRoleIsUser() {
        assertEquals(List.of("user"), roles(signedIn("bob", null)));
        assertEquals(List.of("user"), roles(signedIn("dave", "{\"roles\": \"admin\"}")), "a string is not a list of roles");
        assertEquals(List.of("user"), roles(signedIn("erin", "{\"roles\": []}")));
    }

    @Test
    void aUserWithoutEmailIsShownByNameAlone() {
        Browser browser = signedIn("alice", null);
        String page = browser.get("demo/me").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<p id=\"me\">Signed in as alice</p>"), page);
    }
}
