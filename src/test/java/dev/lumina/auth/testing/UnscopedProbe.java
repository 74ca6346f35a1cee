package dev.lumina.auth.testing;

import dev.lumina.auth.Current;
import dev.lumina.auth.Session;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A resource with no CDI scope, as many applications write them: the runtime creates it per request. */
@Path("unscoped")
public class UnscopedProbe {
    @Inject
    @Current
    Session session;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String who() {
        return session.isAuthenticated() ? session.subject() : "anonymous";
    }
}
