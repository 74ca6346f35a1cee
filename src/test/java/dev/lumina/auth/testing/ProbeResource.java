package dev.lumina.auth.testing;

import dev.lumina.auth.Authenticated;
import dev.lumina.auth.Current;
import dev.lumina.auth.Session;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** An application resource as a user would write it, for the embedded tests. */
@Path("probe")
@RequestScoped
public class ProbeResource {
    @Inject
    @Current
    Session session;

    @GET
    @Path("whoami")
    @Produces(MediaType.TEXT_PLAIN)
    public String whoami(@Context SecurityContext security) {
        String principal = security.getUserPrincipal() == null ? "-" : security.getUserPrincipal().getName();
        return (session.isAuthenticated() ? session.subject() : "anonymous") + "|" + principal;
    }

    @GET
    @Path("me")
    @Authenticated
    @Produces(MediaType.TEXT_PLAIN)
    public String me() {
        return session.email();
    }

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    @Produces(MediaType.TEXT_PLAIN)
    public String admin() {
        return "admin:" + session.subject();
    }
}
