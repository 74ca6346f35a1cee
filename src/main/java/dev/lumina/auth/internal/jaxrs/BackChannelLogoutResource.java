package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.internal.flow.BackChannelLogout;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;

/** {@code POST <base>/backchannel-logout/<provider>}: see {@link BackChannelLogout}. */
@Singleton // stateless; handed out by Endpoints
public class BackChannelLogoutResource {
    @Inject
    BackChannelLogout logout;
    @Inject
    Replies replies;
    @Inject
    AuthRequests requests;

    // the request facts from UriInfo and HttpHeaders, as the other resources: RESTEasy (WildFly) cannot inject a
    // ContainerRequestContext into a resource method (RESTEASY003880, a 500 on every logout token)
    @POST
    public Response logout(@PathParam("provider") String provider, @Context HttpHeaders headers, @Context UriInfo uri,
                           InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(BackChannelLogout.MAX_BODY_BYTES + 1);
        return replies.toResponse(logout.logout(provider, headers.getHeaderString(HttpHeaders.CONTENT_TYPE), bytes),
                requests.facts(uri, headers));
    }
}
