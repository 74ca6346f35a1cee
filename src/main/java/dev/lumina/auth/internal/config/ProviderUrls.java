package dev.lumina.auth.internal.config;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for the URLs Lumina itself calls or sends a browser to at a provider (issuer, discovered or
 * configured endpoints) and for {@code base-url}: {@code https}, or plain {@code http} on a loopback host only
 * ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}), where no network sits between the two ends. Decided
 * on the URL's text alone: no name is ever resolved.
 */
public final class ProviderUrls {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})){3}");

    private ProviderUrls() {
    }

    /** {@code true} for an absolute {@code https} URL with a host, or an {@code http} one on a loopback host. */
    public static boolean isAllowed(URI url) {
        if (url == null || !url.isAbsolute() || url.isOpaque() || url.getHost() == null || url.getRawUserInfo() != null) {
            return false;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || (scheme.equals("http") && isLoopback(url.getHost()));
    }

    /** {@code localhost}, an IPv4 address of {@code 127.0.0.0/8}, or the IPv6 loopback address. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches() || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    /** Why a URL is refused, for a message that names it; {@code null} when it is allowed. */
    public static String problem(URI url) {
        if (isAllowed(url)) {
            return null;
        }
        String scheme = url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http")
                ? "is plain http on a host other than localhost: use https (plain http is only for a provider on loopback)"
                : "is not an absolute https URL";
    }
}
