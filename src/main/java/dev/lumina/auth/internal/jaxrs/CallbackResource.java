package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.internal.cdi.AuthEvents;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
 * {@code GET|POST /auth/callback/{provider}}, step (4): hands the request to the {@link ProviderFlow} of the
 * provider's kind (GET: the provider's redirect; POST: {@code response_mode=form_post}, or the credentials
 * form). An unknown provider is 404 {@code {"error":"unknown_provider"}}, its id never echoed, no call made.
 */
@Path("auth/callback/{provider}")
@RequestScoped
public class CallbackResource {
    @Inject
    AuthConfig config;
    @Inject
    ProviderFlows flows;
    @Inject
    AuthEvents events;
    @Inject
    ClientAddresses clients;

    @GET
    public Response get(@PathParam("provider") String id, @Context HttpHeaders headers, @Context UriInfo uri,
                        @Context ResourceContext context) {
        return dispatch(id, "GET", headers, uri, context, PostedFields.empty(), null);
    }

    @POST
    public Response post(@PathParam("provider") String id, @Context HttpHeaders headers, @Context UriInfo uri,
                         @Context ResourceContext context, InputStream body) {
        try {
            return dispatch(id, "POST", headers, uri, context, PostedFields.read(headers.getMediaType(), body), null);
        } catch (PostedFields.RefusedBody e) {
            return dispatch(id, "POST", headers, uri, context, PostedFields.empty(), e.problem());
        }
    }

    private Response dispatch(String id, String method, HttpHeaders headers, UriInfo uri, ResourceContext context,
                              PostedFields fields, PostedFields.Problem problem) {
        Optional<ProviderConfig> provider = config.provider(id);
        Optional<ProviderFlow> flow = provider.flatMap(p -> flows.forType(p.type()));
        if (flow.isEmpty()) {
            events.failed(AuthError.UNKNOWN_PROVIDER, null, "no provider with the requested id", clients.of(headers, context), null);
            return JsonBodies.error(AuthError.UNKNOWN_PROVIDER);
        }
        RequestFacts facts = RequestFacts.of(config, uri, headers.getRequestHeaders());
        boolean json = Negotiation.wantsJson(headers.getAcceptableMediaTypes());
        return flow.get().callback(new FlowRequest(provider.get(), method, facts, headers,
                new MultivaluedHashMap<>(uri.getQueryParameters()), fields, problem, json, clients.of(headers, context)));
    }
}
