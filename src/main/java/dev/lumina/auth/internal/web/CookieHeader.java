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
     * The values of every cookie named {@code name}, in the order sent: the same scan as the session filter's
     * (through {@link CookieChunks}), with the name compared in place.
     *
     * @param headers the {@code Cookie} header values (several headers, or one joined with commas), or {@code null}
     */
    public static List<String> values(List<String> headers, String name) {
        List<String> found = new ArrayList<>(1);
        forEachCookie(headers, name, (n, v) -> {
            if (n.length() == name.length()) { // the prefix matched the whole name
                found.add(v);
            }
        });
        return found.isEmpty() ? List.of() : found;
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
        forEachCookie(headers, "", cookie);
    }

    /**
     * Every cookie whose name starts with {@code prefix}, in the order sent. The names are compared in place, so
     * the other cookies of the header (an application's, an analytics tool's) cost no string.
     */
    public static void forEachCookie(List<String> headers, String prefix, BiConsumer<String, String> cookie) {
        if (headers == null) {
            return;
        }
        for (String header : headers) {
            if (header == null) {
                continue;
            }
            int start = 0;
            int comma = -1;
            while (start <= header.length()) {
                if (comma < start) {
                    comma = indexOrEnd(header, ',', start);
                }
                int end = Math.min(indexOrEnd(header, ';', start), comma);
                int eq = equalsSign(header, start, end);
                if (eq > start) {
                    int nameStart = skipSpace(header, start, eq);
                    int nameEnd = trimEnd(header, nameStart, eq);
                    if (nameEnd - nameStart >= prefix.length() && header.startsWith(prefix, nameStart)) {
                        int valueStart = skipSpace(header, eq + 1, end);
                        cookie.accept(header.substring(nameStart, nameEnd), unquoted(header.substring(valueStart, trimEnd(header, valueStart, end))));
                    }
                }
                start = end + 1;
            }
        }
    }

    /**
     * The index of {@code c} at or after {@code from}, or the header's length: a pair ends at the first ';' or ','
     * after its start. RFC 6265 section 4.2.1: pairs are separated by "; "; a comma
     * never occurs in a cookie value of ours and joins the values of repeated headers. Names starting with $
     * are RFC 2965 attributes ($Version, $Path, $Domain), which some clients (the JDK's CookieManager among them)
     * still send: never ours, and never equal to a name of ours.
     */
    private static int indexOrEnd(String header, char c, int from) {
        int i = header.indexOf(c, from); // String.indexOf is an intrinsic: much faster than a charAt loop on a long value
        return i < 0 ? header.length() : i;
    }

    /** The first {@code =} in [from, to), or -1: looked for within the pair only, so a long header costs one pass. */
    private static int equalsSign(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '=') {
                return i;
            }
        }
        return -1;
    }

    /** The first index in [from, to) that is not white space (as {@link String#trim()} sees it), or {@code to}. */
    private static int skipSpace(String s, int from, int to) {
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        return from;
    }

    /** The end of [from, to) without trailing white space (as {@link String#trim()} sees it). */
    private static int trimEnd(String s, int from, int to) {
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        return to;
    }

    /** RFC 6265 section 4.1.1: a cookie-value may stand in double quotes, which are not part of the value. */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"'
                ? value.substring(1, value.length() - 1) : value;
    }
}
