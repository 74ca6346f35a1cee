package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.flow.FlowRequest;
import dev.lumina.auth.internal.flow.PostChecks;
import dev.lumina.auth.internal.flow.Targets;
import dev.lumina.auth.internal.web.AuthRequest;
import dev.lumina.auth.internal.web.Reply;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ResourceContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@code POST <base>/signin/{provider}}, step (1) ({@link PostChecks}), then the provider's flow takes over
 * (2). Only POST: a GET is 405, so no link or image can start a sign-in. An unknown provider is 404
 * {@code {"error":"unknown_provider"}}; its id is never echoed.
 */
@Singleton // stateless; handed out by Endpoints
public class SignInResource {
    @Inject
    AuthRequests requests;
    @Inject
    FlowDispatch dispatch;
    @Inject
    PostChecks checks;
    @Inject
    Replies replies;
    @Inject
    SignInOrigins origins;

    @POST
    public Response signIn(@PathParam("provider") String id, @Context HttpHeaders headers, @Context UriInfo uri,
                           @Context ResourceContext context, InputStream body) {
        AuthRequest request = requests.post(headers, uri, context, body);
        Optional<FlowDispatch.Found> found = dispatch.find(id);
        if (found.isEmpty()) {
            return replies.toResponse(dispatch.unknownProvider(request), request.facts());
        }
        FlowRequest flow = new FlowRequest(found.get().provider(), request);
        Reply reply;
        try {
            Targets targets = checks.signIn(request); // (1); a refused body has no token: 403
            origins.check(id, headers, request.facts()); // a page on another origin: the dev-proxy mistake, logged
            reply = found.get().flow().signIn(flow, targets);
        } catch (AuthException e) {
            reply = dispatch.refused(flow, e);
        }
        return replies.toResponse(reply, request.facts());
    }
}
