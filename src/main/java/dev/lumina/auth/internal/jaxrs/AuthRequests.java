package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.web.AuthRequest;
import dev.lumina.auth.internal.web.CookieHeader;
import dev.lumina.auth.internal.web.PostedFields;
import dev.lumina.auth.internal.web.RequestFacts;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a JAX-RS request into an {@link AuthRequest} once, in the same way for every endpoint: the facts of
 * its origin, its cookies, the CSRF header, the query, the body's fields (read with bounds; a refused body is
 * kept as its problem, so the flow decides what that means), what it accepts, and the client's address.
 */
@Singleton // stateless; no client proxy, whose context lookup the session filter paid on every request
public class AuthRequests {
    @Inject
    AuthConfig config;
    @Inject
    ClientAddresses clients;

    /** The facts of the request's origin (secure or not, public URLs). */
    public RequestFacts facts(UriInfo uri, HttpHeaders headers) {
        return RequestFacts.of(config, uri.getBaseUri(), headers::getHeaderString);
    }

    /** The facts, as a filter sees the request. */
    public RequestFacts facts(ContainerRequestContext request) {
        return RequestFacts.of(config, request.getUriInfo().getBaseUri(), request::getHeaderString);
    }

    /** A request without a body. */
    public AuthRequest get(HttpHeaders headers, UriInfo uri, ResourceContext context) {
        return read("GET", headers, uri, context, PostedFields.empty(), null);
    }

    /** A POST: its body read with bounds. */
    public AuthRequest post(HttpHeaders headers, UriInfo uri, ResourceContext context, InputStream body) {
        try {
            PostedFields fields = PostedFields.read(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body);
            // an overlong value makes the body too large, but its fields stay readable for the checks of step (1)
            return read("POST", headers, uri, context, fields, fields.hasOversizedField() ? PostedFields.Problem.TOO_LARGE : null);
        } catch (PostedFields.RefusedBody e) {
            return read("POST", headers, uri, context, PostedFields.empty(), e.problem());
        }
    }

    private AuthRequest read(String method, HttpHeaders headers, UriInfo uri, ResourceContext context, PostedFields fields,
                             PostedFields.Problem problem) {
        // from the header as sent: a cookie of Lumina's sent twice was planted, and neither is believed
        // (state_invalid, csrf_invalid); the runtime's own cookie map would have kept one of them
        Map<String, String> cookies = CookieHeader.singles(headers.getRequestHeader(HttpHeaders.COOKIE));
        Map<String, List<String>> query = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> query.put(k, List.copyOf(v)));
        return new AuthRequest(method, facts(uri, headers), cookies, headers.getHeaderString("X-CSRF-Token"),
                query, fields, problem, Negotiation.wantsJson(headers.getAcceptableMediaTypes()),
                Negotiation.wantsHtml(headers.getAcceptableMediaTypes()), once(() -> clients.of(headers, context)));
    }

    /** The lookup's answer, kept after the first call (a request is served by one thread at a time). */
    private static Supplier<String> once(Supplier<String> lookup) {
        return new Supplier<>() {
            private boolean asked;
            private String answer;

            @Override
            public String get() {
                if (!asked) {
                    answer = lookup.get();
                    asked = true;
                }
                return answer;
            }
        };
    }
}
