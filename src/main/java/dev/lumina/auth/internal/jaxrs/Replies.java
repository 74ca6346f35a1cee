package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.pages.Pages;
import dev.lumina.auth.internal.web.Reply;
import dev.lumina.auth.internal.web.RequestFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** Turns the flow's {@link Reply} into a JAX-RS response: the one place where an outcome becomes HTTP. */
@ApplicationScoped
public class Replies {
    @Inject
    AuthConfig config;
    @Inject
    Pages pages;

    public Response toResponse(Reply reply, RequestFacts facts) {
        Response.ResponseBuilder r = switch (reply.kind()) {
            case REDIRECT -> Response.status(reply.status()).location(reply.location());
            case JSON -> Response.fromResponse(JsonBodies.object(reply.status(), reply.json()));
            case ERROR_PAGE -> PageResponses.html(pages.error(new Pages.ErrorView(reply.errorCode(), reply.providerId(),
                    facts.signInPage(config.signInPage())))).status(reply.status());
            case STATUS -> Response.status(reply.status());
        };
        reply.headers().forEach(h -> r.header(h.name(), h.value()));
        return r.build();
    }
}
