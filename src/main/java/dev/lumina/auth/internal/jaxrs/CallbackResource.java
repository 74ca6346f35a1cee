package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.config.ProviderType;
import dev.lumina.auth.internal.cdi.AuthEvents;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ResourceContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@code GET|POST /auth/callback/{provider}}: hands the request to the callback of the provider's kind.
 * The credentials kind is {@link CredentialsCallback}; the OAuth/OIDC kinds plug in beside it (branch
 * {@code oidc}). An unknown provider is {@code 404 {"error":"unknown_provider"}}, its id never reflected.
 */
@Path("auth/callback/{provider}")
@RequestScoped
public class CallbackResource {
    @Inject
    AuthConfig config;
    @Inject
    CredentialsCallback credentials;
    @Inject
    ClientAddresses clients;
    @Inject
    AuthEvents events;

    @POST
    public Response post(@PathParam("provider") String id, @Context HttpHeaders headers, @Context UriInfo uri,
                         @Context ResourceContext context, InputStream body) {
        Optional<ProviderConfig> provider = config.provider(id);
        String client = clients.of(headers, context);
        if (provider.isEmpty() || provider.get().type() != ProviderType.CREDENTIALS) {
            return unknown(client);
        }
        PostedFields fields = PostedFields.empty();
        PostedFields.Problem problem = null;
        try {
            fields = PostedFields.read(headers.getMediaType(), body);
        } catch (PostedFields.RefusedBody e) {
            problem = e.problem();
        }
        RequestFacts facts = RequestFacts.of(config, uri, headers.getRequestHeaders());
        return credentials.callback(provider.get(), HttpMethod.POST, facts, headers, fields, problem,
                Negotiation.wantsJson(headers.getAcceptableMediaTypes()), client);
    }

    @GET
    public Response get(@PathParam("provider") String id, @Context HttpHeaders headers, @Context UriInfo uri,
                        @Context ResourceContext context) {
        Optional<ProviderConfig> provider = config.provider(id);
        String client = clients.of(headers, context);
        if (provider.isEmpty() || provider.get().type() != ProviderType.CREDENTIALS) {
            return unknown(client);
        }
        return credentials.callback(provider.get(), HttpMethod.GET, RequestFacts.of(config, uri, headers.getRequestHeaders()),
                headers, PostedFields.empty(), null, false, client);
    }

    private Response unknown(String client) {
        events.failed(AuthError.UNKNOWN_PROVIDER, null, "no such provider", client, null);
        return JsonBodies.error(AuthError.UNKNOWN_PROVIDER);
    }
}
