package dev.lumina.auth.internal.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads the request's {@code Cookie} headers as sent, since the JAX-RS runtimes collapse cookies of the same
 * name into one (the first or the last, depending on the runtime). Two cookies of the same name are a
 * planted-cookie attempt (a sibling subdomain, or a cookie set on a narrower path): whoever reads one of
 * Lumina's cookies must see that there were two.
 */
public final class CookieHeader {
    private CookieHeader() {
    }

    /**
     * The values of every cookie named {@code name}, in the order sent. One pass, no map: the session filter
     * calls it on every request.
     *
     * @param headers the {@code Cookie} header values (several headers, or one joined with commas), or {@code null}
     */
    public static List<String> values(List<String> headers, String name) {
        List<String> found = new ArrayList<>(1);
        forEachCookie(headers, (n, v) -> {
            if (n.equals(name)) {
                found.add(v);
            }
        });
        return found;
    }

    /**
     * Every cookie sent exactly once, by name; a name sent twice or more is left out, so that neither of its
     * values is believed.
     */
    public static Map<String, String> singles(List<String> headers) {
        Map<String, String> once = new LinkedHashMap<>();
        Set<String> repeated = new LinkedHashSet<>();
        forEachCookie(headers, (n, v) -> {
            if (once.putIfAbsent(n, v) != null) {
                repeated.add(n);
            }
        });
        once.keySet().removeAll(repeated);
        return Collections.unmodifiableMap(once);
    }

    static void forEachCookie(List<String> headers, BiConsumer<String, String> cookie) {
        if (headers == null) {
            return;
        }
        for (String header : headers) {
            if (header == null) {
                continue;
            }
            // RFC 6265 section 4.2.1: pairs separated by "; "; a comma never occurs in a cookie value of ours and
            // joins the values of repeated headers. Names starting with $ are RFC 2965 attributes ($Version,
            // $Path, $Domain), which some clients (the JDK's CookieManager among them) still send: never ours.
            for (String pair : header.split("[;,]")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookie.accept(pair.substring(0, eq).trim(), unquoted(pair.substring(eq + 1).trim()));
                }
            }
        }
    }

    /** RFC 6265 section 4.1.1: a cookie-value may stand in double quotes, which are not part of the value. */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"'
                ? value.substring(1, value.length() - 1) : value;
    }
}
