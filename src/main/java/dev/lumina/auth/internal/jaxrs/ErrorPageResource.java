package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.pages.Pages;
import dev.lumina.auth.internal.web.RequestFacts;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET <base>/error?error=<code>&provider=<id>}: the built-in error page, the message of a known code
 * (a generic one otherwise; nothing from the URL is shown but escaped known values). With
 * {@code lumina.auth.pages.error} set, a redirect to the application's own page instead.
 */
@Singleton // stateless; handed out by Endpoints
public class ErrorPageResource {
    @Inject
    AuthConfig config;
    @Inject
    AuthRequests requests;
    @Inject
    Pages pages;

    @GET
    public Response page(@QueryParam("error") String error, @QueryParam("provider") String provider,
                         @Context HttpHeaders headers, @Context UriInfo uri) {
        RequestFacts facts = requests.facts(uri, headers);
        if (config.errorPage().isPresent()) {
            return PageResponses.redirect(facts, config.errorPage().get(), uri.getRequestUri().getRawQuery());
        }
        String signIn = facts.signInPage(config.signInPage());
        return PageResponses.html(pages.error(new Pages.ErrorView(error, provider, signIn))).build();
    }
}
