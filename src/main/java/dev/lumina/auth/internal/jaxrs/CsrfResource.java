package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.session.CsrfTokens;
import dev.lumina.auth.internal.web.CookieNames;
import dev.lumina.auth.internal.web.RequestFacts;
import dev.lumina.auth.internal.web.SetCookie;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * {@code GET <base>/csrf}: {@code {"csrfToken": ...}} and the {@code lumina.csrf} cookie binding it. A
 * valid existing cookie keeps its token, so parallel tabs keep working. No CORS headers, no JSONP.
 */
@Singleton // stateless; handed out by Endpoints
public class CsrfResource {
    @Inject
    AuthConfig config;
    @Inject
    AuthRequests requests;
    @Inject
    CsrfTokens tokens;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response csrf(@Context HttpHeaders headers, @Context UriInfo uri) {
        RequestFacts facts = requests.facts(uri, headers);
        Cookie existing = headers.getCookies().get(CookieNames.CSRF.name(facts.secure()));
        CsrfTokens.Issued issued = tokens.issue(existing == null ? null : existing.getValue());
        Response.ResponseBuilder r = Response.fromResponse(JsonBodies.object(200, Map.of("csrfToken", issued.token())));
        if (existing == null || !issued.cookieValue().equals(existing.getValue())) {
            r.header(HttpHeaders.SET_COOKIE, SetCookie.of(CookieNames.CSRF, issued.cookieValue(), null, facts.secure()));
        }
        return r.build();
    }
}
