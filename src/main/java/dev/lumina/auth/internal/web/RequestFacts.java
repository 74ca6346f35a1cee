package dev.lumina.auth.internal.web;

import dev.lumina.auth.config.AuthConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What Lumina needs to know about a request's origin, decided once per request: whether it is secure
 * (so cookies get {@code Secure} and {@code __Host-}) and the public URL of the application root. Both come
 * from {@code lumina.auth.base-url} when set, else from the real request; {@code X-Forwarded-Proto}, {@code -Host}
 * and {@code -Port} (the port only for a forwarded host without one) are read only with
 * {@code lumina.auth.trust-forwarded-headers=true}. A client-sent header can never turn
 * off {@code Secure} when the base URL is https.
 *
 * <p>Made on every request by the session filter, which needs only {@link #secure()}: the public URL is put
 * together when first asked for.
 */
public final class RequestFacts {
    private static final Pattern FORWARDED_HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+");

    private final boolean secure;
    private final URI configuredBase;
    private final String scheme;
    private final String authority;
    private final String basePath;
    private final String luminaPath;
    private URI publicBase; // made on first use; a race makes an equal URI twice, which is harmless

    private RequestFacts(boolean secure, URI configuredBase, String scheme, String authority, String basePath, String luminaPath) {
        this.secure = secure;
        this.configuredBase = configuredBase;
        this.scheme = scheme;
        this.authority = authority;
        this.basePath = basePath;
        this.luminaPath = luminaPath;
    }

    /** Facts as given: the public application root, its path on this host, Lumina's path under it ({@code auth/}). */
    public RequestFacts(boolean secure, URI publicBase, String basePath, String authPath) {
        this(secure, publicBase, null, null, basePath, "/" + authPath.substring(0, authPath.length() - 1));
    }

    /**
     * @param base   the application root as the runtime sees it (JAX-RS' base URI)
     * @param header the first value of a request header, or {@code null}
     */
    public static RequestFacts of(AuthConfig config, URI base, UnaryOperator<String> header) {
        String basePath = withSlash(base.getRawPath());
        if (config.baseUrl().isPresent()) {
            URI configured = config.baseUrl().get();
            boolean secure = "https".equalsIgnoreCase(configured.getScheme());
            return new RequestFacts(secure, configured, null, null, basePath, config.basePath());
        }
        String scheme = base.getScheme();
        String authority = base.getRawAuthority();
        if (config.trustForwardedHeaders()) {
            String proto = first(header.apply("X-Forwarded-Proto"));
            String host = first(header.apply("X-Forwarded-Host"));
            if (proto != null && (proto.equalsIgnoreCase("https") || proto.equalsIgnoreCase("http"))) {
                scheme = proto.toLowerCase(Locale.ROOT);
            }
            if (host != null && FORWARDED_HOST.matcher(host).matches()) {
                authority = withPort(host, first(header.apply("X-Forwarded-Port")), scheme);
            }
        }
        boolean secure = "https".equalsIgnoreCase(scheme);
        return new RequestFacts(secure, null, scheme, authority, basePath, config.basePath());
    }

    /** Cookies are Secure and {@code __Host-} prefixed. */
    public boolean secure() {
        return secure;
    }

    /** The public URL of the JAX-RS application root, ending with {@code /}. */
    public URI publicBase() {
        URI made = publicBase;
        if (made == null) {
            made = configuredBase != null ? URI.create(withSlash(configuredBase.toString()))
                    : URI.create(scheme + "://" + authority + basePath);
            publicBase = made;
        }
        return made;
    }

    /** The application root's path on this host, ending with {@code /}. */
    public String basePath() {
        return basePath;
    }

    /**
     * Lumina's endpoints under the application root ({@code lumina.auth.base-path} without its leading slash,
     * e.g. {@code auth}), ending with {@code /}.
     */
    public String authPath() {
        return withSlash(luminaPath.substring(1));
    }

    /** The application's own sign-in page ({@code lumina.auth.pages.sign-in}) or the built-in one. */
    public String signInPage(Optional<String> own) {
        return own.orElseGet(() -> endpoint("signin"));
    }

    /** The application's own error page ({@code lumina.auth.pages.error}) or the built-in one. */
    public String errorPage(Optional<String> own) {
        return own.orElseGet(() -> endpoint("error"));
    }

    /** {@code url} with a raw query appended after {@code ?} or {@code &}. */
    public static String withQuery(String url, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + rawQuery;
    }

    /** {@code url} with one more query parameter, its value URL-encoded. */
    public static String withParameter(String url, String name, String value) {
        return withQuery(url, name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** A path under the application root on this host, e.g. {@code /ctx/} for {@code ""}. */
    public String path(String relative) {
        return basePath + relative;
    }

    /** The path of one of Lumina's endpoints on this host, e.g. {@code /ctx/auth/signin} for {@code signin}. */
    public String endpoint(String relative) {
        return basePath + authPath() + relative;
    }

    /**
     * The path of Lumina's endpoints on this host without a trailing slash, e.g. {@code /ctx/auth}: the
     * {@code Path} of a cookie sent to Lumina's endpoints only.
     */
    public String endpointsPath() {
        String p = basePath + authPath();
        return p.substring(0, p.length() - 1);
    }

    /** The absolute public URL of one of Lumina's endpoints, e.g. the OAuth {@code redirect_uri}. */
    public URI endpointUrl(String relative) {
        return publicBase().resolve(authPath() + relative);
    }

    /**
     * The absolute URL a browser is sent to for a validated target. A path ({@code /x}) is taken the way a
     * browser takes it: from the root of this origin, not of the application. Made absolute here because
     * RESTEasy and Jersey resolve a relative {@code Location} differently (against the application root
     * and the host root respectively).
     */
    public URI location(String target) {
        if (target.startsWith("/")) {
            return URI.create(publicBase().getScheme() + "://" + publicBase().getRawAuthority() + target);
        }
        return URI.create(target);
    }

    /**
     * A forwarded host without a port takes {@code X-Forwarded-Port} (proxies that forward {@code $host}, which
     * has none); a host that names its port keeps it. A default port for the scheme is left out.
     */
    static String withPort(String host, String port, String scheme) {
        boolean hasPort = host.lastIndexOf(':') > host.lastIndexOf(']');
        if (hasPort || port == null || !port.matches("[0-9]{1,5}")) {
            return host;
        }
        int p = Integer.parseInt(port);
        boolean standard = p == ("https".equals(scheme) ? 443 : 80);
        return p < 1 || p > 65535 || standard ? host : host + ":" + p;
    }

    private static String first(String headerValue) {
        if (headerValue == null) {
            return null;
        }
        int comma = headerValue.indexOf(',');
        String v = (comma >= 0 ? headerValue.substring(0, comma) : headerValue).trim();
        return v.isEmpty() ? null : v;
    }

    private static String withSlash(String s) {
        return s == null || s.isEmpty() ? "/" : s.endsWith("/") ? s : s + "/";
    }
}
