package dev.lumina.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A singleton resource asking an application-scoped service and an EJB who is signed in: both must answer with
 * the user of the request being served, never the first one they saw.
 */
@Path("/who")
@ApplicationScoped
public class WhoResource {

    @Inject
    Greeter greeter;

    @Inject
    Auditor auditor;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String who() {
        return greeter.who() + "|" + auditor.who();
    }
}
