package dev.lumina.auth.internal.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.KeyRing;
import dev.lumina.auth.internal.web.AuthRequest;
import dev.lumina.auth.internal.web.CookieNames;
import dev.lumina.auth.internal.web.PostedFields;
import dev.lumina.auth.internal.web.RequestFacts;
import dev.lumina.auth.testing.ManualClock;
import dev.lumina.auth.testing.TestSecrets;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One flow cookie per sign-in, named after its state, at most three per browser (the oldest dropped). */
class FlowCookiesTest {
    // jose4j checks exp and iat against the system's time: the sealing clock starts a minute before it
    private final ManualClock clock = new ManualClock(Instant.now().minusSeconds(60));
    private final FlowSeal seal = new FlowSeal(new JoseTokens(KeyRing.of(AuthConfig.builder().secrets(TestSecrets.A).build().secrets()),
            Duration.ofSeconds(60), clock), Duration.ofMinutes(10), clock);
    private final FlowCookies flows = new FlowCookies(seal);

    private String sealed(String state) {
        return seal.seal(new FlowState("dev", state, "v".repeat(43), "n", "/home", "/oops", URI.create("http://127.0.0.1/cb")));
    }

    private static AuthRequest request(Map<String, String> cookies, boolean secure) {
        RequestFacts facts = new RequestFacts(secure, URI.create("http://127.0.0.1/"), "/", "auth/");
        return new AuthRequest("POST", facts, cookies, null, Map.of(), PostedFields.empty(), null, false, false, () -> null);
    }

    private static String cleared(String name) {
        return name + "=; Max-Age=0";
    }

    @Test
    void theNameIsTheStartOfTheStatesHashWhateverTheStateHolds() {
        List<String> odd = List.of("plain", "a;b=c", "x y", "\r\nSet-Cookie: evil=1", "é✓", "", "lumina.session", "../..",
                "\"quoted\"", "=".repeat(300));
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String state : odd) {
            String name = CookieNames.flow(state, false);
            assertTrue(name.matches("lumina\\.flow\\.[0-9a-f]{16}"), name);
            assertTrue(CookieNames.flow(state, true).matches("__Host-lumina\\.flow\\.[0-9a-f]{16}"), state);
            assertTrue(CookieNames.isFlow(name, false) && !CookieNames.isFlow(name, true), name);
            names.add(name);
        }
        assertEquals(odd.size(), names.size(), "different states, different cookies");
        for (String notOurs : List.of("lumina.flow", "lumina.flow.", "lumina.flow.0123456789ABCDEF", "lumina.flow.0123456789abcdef0",
                "lumina.flow.0123456789abcde", "lumina.session", "xlumina.flow.0123456789abcdef")) {
            assertTrue(!CookieNames.isFlow(notOurs, false), notOurs);
        }
    }

    @Test
    void aNewFlowKeepsTheOthersUpToTheBoundAndDropsTheOldest() {
        Map<String, String> cookies = new LinkedHashMap<>();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String state = "state-" + i;
            String name = CookieNames.flow(state, false);
            List<String> headers = flows.start(request(cookies, false), state, sealed(state));
            assertTrue(headers.get(headers.size() - 1).startsWith(name + "=ey"), "the new flow's cookie last: " + headers);
            for (String h : headers) {
                String n = h.substring(0, h.indexOf('='));
                if (h.contains("Max-Age=0")) {
                    cookies.remove(n);
                } else {
                    cookies.put(n, h.substring(n.length() + 1, h.indexOf(';')));
                }
            }
            names.add(name);
            assertEquals(Math.min(i + 1, FlowCookies.MAX_FLOWS), cookies.size(), "flows after start " + i);
            clock.advance(Duration.ofSeconds(1));
        }
        // the last three survive, whatever order the browser sends them in
        assertEquals(java.util.Set.copyOf(names.subList(2, 5)), cookies.keySet());
    }

    @Test
    void theOldestIsKnownFromTheCookiesNotFromTheOrderTheyAreSent() {
        Map<String, String> cookies = new LinkedHashMap<>();
        String newest = CookieNames.flow("c", false);
        String oldest = CookieNames.flow("a", false);
        String middle = CookieNames.flow("b", false);
        String a = sealed("a");
        clock.advance(Duration.ofMillis(1));
        String b = sealed("b");
        clock.advance(Duration.ofMillis(1));
        String c = sealed("c");
        cookies.put(newest, c);
        cookies.put(oldest, a);
        cookies.put(middle, b);
        List<String> headers = flows.start(request(cookies, false), "d", sealed("d"));
        assertEquals(2, headers.size(), headers.toString());
        assertTrue(headers.get(0).startsWith(cleared(oldest)), headers.get(0));
    }

    @Test
    void expiredTamperedOrForeignFlowCookiesAreClearedAndDoNotCount() {
        Map<String, String> cookies = new LinkedHashMap<>();
        clock.set(Instant.now().minus(Duration.ofMinutes(20)));
        String expired = sealed("old");
        clock.set(Instant.now().minusSeconds(1));
        String live = sealed("live");
        cookies.put(CookieNames.flow("old", false), expired);
        cookies.put(CookieNames.flow("x", false), live.substring(0, live.length() - 3) + "AAA");
        cookies.put(CookieNames.flow("y", false), "junk");
        cookies.put(CookieNames.flow("live", false), live);
        cookies.put("lumina.session", "not a flow");
        cookies.put("__Host-" + CookieNames.flow("z", false), live); // the other origin kind's name: not ours here
        List<String> headers = flows.start(request(cookies, false), "new", sealed("new"));
        assertEquals(4, headers.size(), headers.toString());
        for (String gone : List.of("old", "x", "y")) {
            assertTrue(headers.stream().anyMatch(h -> h.startsWith(cleared(CookieNames.flow(gone, false)))), gone);
        }
        assertTrue(headers.stream().noneMatch(h -> h.startsWith(CookieNames.flow("live", false))), "a live flow stays");
    }

    @Test
    void onHttpsTheCookiesAreHostPrefixedSecureAndRootPathed() {
        String header = flows.start(request(Map.of(), true), "s", sealed("s")).get(0);
        assertTrue(header.startsWith(CookieNames.flow("s", true) + "="), header);
        assertTrue(header.startsWith("__Host-lumina.flow."), header);
        assertTrue(header.contains("; Path=/; HttpOnly; SameSite=Lax; Secure"), header);
        assertTrue(header.contains("; Max-Age=600"), header);
    }

    @Test
    void aCallbackFindsTheCookieOfItsOwnStateOnly() {
        AuthRequest r = request(Map.of(), false);
        assertEquals(Optional.of(CookieNames.flow("abc", false)), FlowCookies.nameFor(r, Map.of("state", List.of("abc"))));
        assertNotEquals(FlowCookies.nameFor(r, Map.of("state", List.of("abd"))), FlowCookies.nameFor(r, Map.of("state", List.of("abc"))));
        for (Map<String, List<String>> none : List.<Map<String, List<String>>>of(Map.of(), Map.of("state", List.of()),
                Map.of("state", List.of("")), Map.of("state", List.of("a", "b")), Map.of("state", List.of("s".repeat(5000))))) {
            assertEquals(Optional.empty(), FlowCookies.nameFor(r, none), none.toString());
        }
    }
}
