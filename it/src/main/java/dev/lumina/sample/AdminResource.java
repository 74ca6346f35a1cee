package dev.lumina.sample;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import dev.lumina.auth.Current;
import dev.lumina.auth.Session;

/** Only for the {@code admin} role: 401 when signed out, 403 when signed in without the role. */
@Path("/admin")
@RolesAllowed("admin")
public class AdminResource {

    @Inject
    @Current
    Session session;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String admin(@Context SecurityContext security) {
        return "admin " + security.getUserPrincipal().getName() + " " + security.isUserInRole("admin")
                + " " + session.email();
    }
}
