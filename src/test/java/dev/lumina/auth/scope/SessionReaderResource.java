package dev.lumina.auth.scope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A singleton resource that asks the application-scoped service who is signed in. */
@Path("reader")
@ApplicationScoped
public class SessionReaderResource {
    @Inject
    SessionReader reader;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String who() {
        return reader.who();
    }

    @GET
    @Path("snapshot")
    @Produces(MediaType.TEXT_PLAIN)
    public String snapshot() {
        return reader.keep().getClass().getSimpleName() + "|" + reader.keep().subject();
    }
}
