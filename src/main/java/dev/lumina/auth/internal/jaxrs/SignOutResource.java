package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.internal.flow.SignOut;
import dev.lumina.auth.internal.session.CurrentSession;
import dev.lumina.auth.internal.web.AuthRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ResourceContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/**
 * {@code POST <base>/signout}, and {@code GET <base>/signout/callback/{provider}}, where the provider sends the
 * browser back after a sign-out at the provider (the {@code post_logout_redirect_uri}): see {@link SignOut}.
 */
@Singleton // stateless; handed out by Endpoints
public class SignOutResource {
    @Inject
    AuthRequests requests;
    @Inject
    SignOut signOut;
    @Inject
    CurrentSession current;
    @Inject
    Replies replies;

    @POST
    public Response signOut(@Context HttpHeaders headers, @Context UriInfo uri, @Context ResourceContext context,
                            InputStream body) {
        AuthRequest request = requests.post(headers, uri, context, body);
        return replies.toResponse(signOut.signOut(request, current.get()), request.facts());
    }

    @GET
    @Path("callback/{provider}")
    public Response callback(@PathParam("provider") String id, @Context HttpHeaders headers, @Context UriInfo uri,
                             @Context ResourceContext context) {
        AuthRequest request = requests.get(headers, uri, context);
        return replies.toResponse(signOut.callback(request, id), request.facts());
    }
}
