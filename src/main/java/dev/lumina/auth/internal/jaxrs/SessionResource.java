package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.internal.session.CurrentSession;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET <base>/session}: the client-safe session as JSON, or {@code null}. */
@Singleton // stateless; handed out by Endpoints
public class SessionResource {
    @Inject
    CurrentSession current;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response session() {
        Response r = JsonBodies.json(200, JsonBodies.session(current.get()));
        return Response.fromResponse(r).header(HttpHeaders.VARY, HttpHeaders.COOKIE).build();
    }
}
