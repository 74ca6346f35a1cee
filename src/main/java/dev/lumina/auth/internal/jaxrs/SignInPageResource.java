package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.flow.RedirectValidator;
import dev.lumina.auth.internal.pages.Pages;
import dev.lumina.auth.internal.session.CsrfTokens;
import dev.lumina.auth.internal.session.CurrentSession;
import dev.lumina.auth.internal.web.CookieNames;
import dev.lumina.auth.internal.web.RequestFacts;
import dev.lumina.auth.internal.web.SetCookie;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET <base>/signin}: the built-in sign-in page, a CSRF-protected form per provider, the message for
 * {@code ?error=<code>} and the validated {@code callbackUrl} carried into every form (an unsafe one is
 * dropped). With {@code lumina.auth.pages.sign-in} set, a redirect to the application's own page instead.
 */
@Singleton // stateless; handed out by Endpoints
public class SignInPageResource {
    @Inject
    AuthConfig config;
    @Inject
    AuthRequests requests;
    @Inject
    Pages pages;
    @Inject
    CsrfTokens tokens;
    @Inject
    RedirectValidator redirects;
    @Inject
    CurrentSession current;

    @GET
    public Response page(@QueryParam("callbackUrl") String callbackUrl, @QueryParam("error") String error,
                         @QueryParam("provider") String provider, @Context HttpHeaders headers, @Context UriInfo uri) {
        RequestFacts facts = requests.facts(uri, headers);
        if (config.signInPage().isPresent()) {
            return PageResponses.redirect(facts, config.signInPage().get(), uri.getRequestUri().getRawQuery());
        }
        Cookie existing = headers.getCookies().get(CookieNames.CSRF.name(facts.secure()));
        CsrfTokens.Issued csrf = tokens.issue(existing == null ? null : existing.getValue());
        String callback = callbackUrl != null && redirects.isAllowed(callbackUrl) ? callbackUrl : null;
        String html = pages.signIn(new Pages.SignInView(facts.endpoint(""), csrf.token(), callback, error, provider, current.get()));
        Response.ResponseBuilder r = PageResponses.html(html);
        if (existing == null || !csrf.cookieValue().equals(existing.getValue())) {
            r.header(HttpHeaders.SET_COOKIE, SetCookie.of(CookieNames.CSRF, csrf.cookieValue(), null, facts.secure()));
        }
        return r.build();
    }
}
