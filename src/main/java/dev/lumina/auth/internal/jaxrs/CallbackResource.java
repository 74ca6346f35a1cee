package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.internal.flow.FlowRequest;
import dev.lumina.auth.internal.web.AuthRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ResourceContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/**
 * {@code GET|POST <base>/callback/{provider}}, step (4): hands the request to the flow of the provider's kind
 * (GET: the provider's redirect; POST: {@code response_mode=form_post}, or the credentials form). An unknown
 * provider is 404 {@code {"error":"unknown_provider"}}, its id never echoed, no call made.
 */
@Singleton // stateless; handed out by Endpoints
public class CallbackResource {
    @Inject
    AuthRequests requests;
    @Inject
    FlowDispatch dispatch;
    @Inject
    Replies replies;

    @GET
    public Response get(@PathParam("provider") String id, @Context HttpHeaders headers, @Context UriInfo uri,
                        @Context ResourceContext context) {
        return callback(id, requests.get(headers, uri, context));
    }

    @POST
    public Response post(@PathParam("provider") String id, @Context HttpHeaders headers, @Context UriInfo uri,
                         @Context ResourceContext context, InputStream body) {
        return callback(id, requests.post(headers, uri, context, body));
    }

    private Response callback(String id, AuthRequest request) {
        return replies.toResponse(dispatch.find(id)
                .map(found -> found.flow().callback(new FlowRequest(found.provider(), request)))
                .orElseGet(() -> dispatch.unknownProvider(request)), request.facts());
    }
}
