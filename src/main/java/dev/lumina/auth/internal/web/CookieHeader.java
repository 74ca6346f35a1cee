package dev.lumina.auth.internal.web;

import java.util.ArrayList;
import java.util.List;

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
     * The values of every cookie named {@code name}, in the order sent.
     *
     * @param headers the {@code Cookie} header values (several headers, or one joined with commas), or {@code null}
     */
    public static List<String> values(List<String> headers, String name) {
        List<String> found = new ArrayList<>(1);
        if (headers == null) {
            return found;
        }
        for (String header : headers) {
            if (header == null) {
                continue;
            }
            // RFC 6265 section 4.2.1: pairs separated by "; "; a comma never occurs in a cookie value of ours and
            // joins the values of repeated headers
            for (String pair : header.split("[;,]")) {
                int eq = pair.indexOf('=');
                // names starting with $ are RFC 2965 attributes ($Version, $Path, $Domain), which some clients
                // (the JDK's CookieManager among them) still send; they are never a cookie
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    found.add(unquoted(pair.substring(eq + 1).trim()));
                }
            }
        }
        return found;
    }

    /** RFC 6265 section 4.1.1: a cookie-value may stand in double quotes, which are not part of the value. */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"'
                ? value.substring(1, value.length() - 1) : value;
    }
}
