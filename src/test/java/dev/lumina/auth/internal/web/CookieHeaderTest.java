package dev.lumina.auth.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The raw {@code Cookie} header as browsers (RFC 6265) and older clients (RFC 2965, the JDK's CookieManager)
 * send it: the value of each cookie of a name, quotes taken off, attributes never taken for cookies.
 */
class CookieHeaderTest {
    static final String S = "lumina.session";

    static List<String> values(String... headers) {
        return CookieHeader.values(Arrays.asList(headers), S);
    }

    @Test
    void readsTheValueWhateverTheClientsSyntax() {
        for (String[] h : new String[][] {
                {"lumina.session=a.b.c"},
                {"lumina.csrf=t.h; lumina.session=a.b.c"},
                {"lumina.session=\"a.b.c\"; lumina.csrf=t.h"},
                {"$Version=\"1\", lumina.session=\"a.b.c\";$Path=\"/\";$Domain=\"127.0.0.1\", lumina.csrf=t.h"},
                {"$Version=\"1\"; lumina.session=\"a.b.c\"; $Path=\"/\""},
                {"lumina.csrf=t.h", "lumina.session=a.b.c"},
                {"  lumina.session = a.b.c ;other=x"}}) {
            assertEquals(List.of("a.b.c"), values(h), String.join(" | ", h));
        }
    }

    @Test
    void twoCookiesOfTheNameAreTwoWhateverTheirSyntax() {
        for (String[] h : new String[][] {
                {"lumina.session=a.b.c; lumina.session=d.e.f"},
                {"lumina.session=\"a.b.c\"; lumina.session=d.e.f"},
                {"lumina.session=a.b.c", "lumina.session=d.e.f"},
                {"$Version=\"1\", lumina.session=\"a.b.c\";$Path=\"/\", lumina.session=\"d.e.f\";$Path=\"/auth\""}}) {
            assertEquals(List.of("a.b.c", "d.e.f"), values(h), String.join(" | ", h));
        }
    }

    @Test
    void singlesKeepsEachCookieSentOnceAndDropsEveryNameSentTwice() {
        List<String> sent = List.of("$Version=\"1\", lumina.csrf=\"t.h\";$Path=\"/\", lumina.flow=a.b.c.d.e",
                "lumina.session=x.y.z; lumina.flow=f.g.h.i.j", "other=1");
        java.util.Map<String, String> singles = CookieHeader.singles(sent);
        assertEquals("t.h", singles.get("lumina.csrf"));
        assertEquals("x.y.z", singles.get("lumina.session"));
        assertEquals("1", singles.get("other"));
        assertEquals(false, singles.containsKey("lumina.flow"), "sent twice: neither value is believed");
        assertEquals(java.util.Map.of(), CookieHeader.singles(null));
    }

    @Test
    void otherNamesAndAttributesAreNotTheCookie() {
        for (String[] h : new String[][] {
                {"xlumina.session=a"}, {"lumina.sessionx=a"}, {"__Host-lumina.session=a"}, {"$lumina.session=a"},
                {"$Version=1; $Path=/"}, {""}, {";;;"}}) {
            assertEquals(List.of(), values(h), String.join(" | ", h));
        }
        assertEquals(List.of(), CookieHeader.values(null, S));
    }

    /** The scan replaced a regular-expression split (issue 12); on edge cases it reads what the split read. */
    @Test
    void readsEdgeCasesAsTheSplitOnSemicolonsAndCommasDid() {
        for (String h : new String[] {
                "lumina.session=", "lumina.session=   ", "lumina.session= \"\" ", "lumina.session==a", "lumina.session=\"",
                " =x; lumina.session=a", "=x;lumina.session=b,", "lumina.session=a;lumina.session", ";,;lumina.session=c;;",
                "\tlumina.session\t=\td\t", "lumina.session=e=f; lumina.session =g", "a".repeat(5000) + ";lumina.session=h"}) {
            assertEquals(bySplit(h), values(h), h);
            assertEquals(bySplitSingles(h), CookieHeader.singles(List.of(h)), h);
        }
    }

    /** Reading only the names with a prefix gives what reading them all and keeping those names gives. */
    @Test
    void aPrefixOnlyLeavesOutTheOtherNames() {
        for (String h : new String[] {
                "lumina.session=a; lumina.session.0=2~b; lumina.session.1=c; other=d", " lumina.session =\"e\" ,lumina.sessionx=f",
                "lumina.=g; lumina=h; =i; lumina.tokens.0=j", "x=1;lumina.session.=k,,lumina.session.9 = l ;", ";,;", "",
                "a".repeat(3000) + "; lumina.session=m; " + "b=".repeat(1000)}) {
            for (String prefix : new String[] {"", "lumina.", "lumina.session", "lumina.session.", "nothing"}) {
                List<String> all = new java.util.ArrayList<>();
                CookieHeader.forEachCookie(List.of(h), (n, v) -> {
                    if (n.startsWith(prefix)) {
                        all.add(n + "=" + v);
                    }
                });
                List<String> some = new java.util.ArrayList<>();
                CookieHeader.forEachCookie(List.of(h), prefix, (n, v) -> some.add(n + "=" + v));
                assertEquals(all, some, prefix + " in " + h);
            }
        }
    }

    private static List<String> bySplit(String header) {
        List<String> found = new java.util.ArrayList<>();
        for (String pair : header.split("[;,]")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equals(S)) {
                found.add(unquoted(pair.substring(eq + 1).trim()));
            }
        }
        return found;
    }

    private static java.util.Map<String, String> bySplitSingles(String header) {
        java.util.Map<String, String> once = new java.util.LinkedHashMap<>();
        java.util.Set<String> repeated = new java.util.HashSet<>();
        for (String pair : header.split("[;,]")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && once.putIfAbsent(pair.substring(0, eq).trim(), unquoted(pair.substring(eq + 1).trim())) != null) {
                repeated.add(pair.substring(0, eq).trim());
            }
        }
        once.keySet().removeAll(repeated);
        return once;
    }

    private static String unquoted(String v) {
        return v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"' ? v.substring(1, v.length() - 1) : v;
    }
}
