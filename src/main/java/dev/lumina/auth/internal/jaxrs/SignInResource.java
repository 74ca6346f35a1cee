package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.internal.cdi.AuthEvents;
import dev.lumina.auth.internal.flow.RedirectValidator;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ResourceContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@code POST /auth/signin/{provider}}, step (1): the CSRF token, then {@code callbackUrl} and
 * {@code errorUrl}, then the provider's flow takes over (2). Only POST: a GET is 405, so no link or image can
 * start a sign-in. An unknown provider is 404 {@code {"error":"unknown_provider"}}; its id is never echoed.
 */
@Path("auth/signin/{provider}")
@RequestScoped
public class SignInResource {
    @Inject
    AuthConfig config;
    @Inject
    CsrfCheck csrf;
    @Inject
    RedirectValidator redirects;
    @Inject
    ProviderFlows flows;
    @Inject
    SignInResponses responses;
    @Inject
    ClientAddresses clients;
    @Inject
    AuthEvents events;

    @POST
    public Response signIn(@PathParam("provider") String id, @Context HttpHeaders headers, @Context UriInfo uri,
                           @Context ResourceContext context, InputStream body) {
        String client = clients.of(headers, context);
        RequestFacts facts = RequestFacts.of(config, uri, headers.getRequestHeaders());
        Optional<ProviderConfig> provider = config.provider(id);
        Optional<ProviderFlow> flow = provider.flatMap(p -> flows.forType(p.type()));
        if (flow.isEmpty()) {
            events.failed(AuthError.UNKNOWN_PROVIDER, null, "no provider with the requested id", client, null);
            return JsonBodies.error(AuthError.UNKNOWN_PROVIDER);
        }
        PostedFields fields;
        PostedFields.Problem problem = null;
        try {
            fields = PostedFields.read(headers.getMediaType(), body);
        } catch (PostedFields.RefusedBody e) {
            fields = PostedFields.empty(); // then the CSRF check fails: 403
            problem = e.problem();
        }
        SignInResponses.Targets targets;
        try {
            // (1)
            csrf.require(headers, facts, fields);
            targets = new SignInResponses.Targets(
                    redirects.validate(fields.first("callbackUrl").orElse(null), facts.path("")),
                    redirects.validate(fields.first("errorUrl").orElse(null), responses.defaultErrorUrl(facts)));
        } catch (AuthException e) {
            events.failed(e.error(), id, e.getMessage(), client, null);
            return JsonBodies.error(e.error());
        }
        boolean json = Negotiation.wantsJson(headers.getAcceptableMediaTypes());
        return flow.get().signIn(new FlowRequest(provider.get(), "POST", facts, headers, new MultivaluedHashMap<>(),
                fields, problem, json, client), targets);
    }
}
