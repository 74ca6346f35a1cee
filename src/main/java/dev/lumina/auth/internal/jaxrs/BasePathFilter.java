package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.config.AuthConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Serves Lumina's endpoints under {@code lumina.auth.base-path}: a request to {@code <root><base-path>/...}
 * is matched as {@code <root>/_lumina-auth/...}, where the resources are bound ({@link Endpoints}). A request
 * that names the internal root itself is 404, so each endpoint has one URL. Costs one prefix comparison on
 * requests that are not Lumina's.
 * <p>
 * Every response of {@code <base-path>/callback/*} and {@code <base-path>/signout/callback/*} carries
 * {@code Referrer-Policy: no-referrer} (S98): its URL holds the provider's code and state, which must not travel on to the next page in a {@code Referer}, whatever
 * the answer (a redirect, an error page, JSON, a 404 or a 405).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@Singleton // not @ApplicationScoped: no client proxy, whose context lookup every request paid twice
public class BasePathFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String INTERNAL = Endpoints.ROOT;
    private static final String CALLBACK = "dev.lumina.auth.callback-response";

    @Inject
    AuthConfig config;

    private String publicRoot;

    @PostConstruct
    void init() {
        publicRoot = config.basePath().substring(1); // "auth", "api/auth"
    }

    @Override
    public void filter(ContainerRequestContext request) {
        UriInfo info = request.getUriInfo();
        URI uri = info.getRequestUri();
        String base = info.getBaseUri().getRawPath();
        String path = uri.getRawPath();
        if (path == null || base == null || !path.startsWith(base)) {
            return;
        }
        int at = base.length();
        if (under(path, at, INTERNAL)) {
            request.abortWith(Response.status(Response.Status.NOT_FOUND).build());
            return;
        }
        if (under(path, at, publicRoot)) { // compared in place: an application's request costs no string
            String rest = path.substring(at + publicRoot.length());
            String endpoint = decoded(rest);
            if (under(endpoint, 0, "/callback") || under(endpoint, 0, "/signout/callback")) {
                request.setProperty(CALLBACK, Boolean.TRUE);
            }
            String mapped = base + INTERNAL + rest;
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + mapped + query));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(CALLBACK) != null) {
            response.getHeaders().putSingle("Referrer-Policy", "no-referrer");
        }
    }

    /** The path as the runtime matches it ({@code /%63allback} is {@code /callback}). */
    private static String decoded(String rawPath) {
        try {
            return java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }

    /** The path from index {@code at} on is {@code root} itself or a path below it. */
    private static boolean under(String path, int at, String root) {
        int end = at + root.length();
        return path.startsWith(root, at) && (path.length() == end || path.charAt(end) == '/');
    }
}
