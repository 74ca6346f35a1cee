package dev.lumina.auth.testing;

import dev.lumina.auth.Revocations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** An application bean that ends sessions ("sign out everywhere"), as a user would write it; for the node tests. */
@Path("probe/revoke")
@RequestScoped
public class RevokeResource {
    @Inject
    Revocations revocations;

    @POST
    @Path("subject/{subject}")
    public String subject(@PathParam("subject") String subject) {
        revocations.revokeSubject(subject);
        return "revoked";
    }

    @POST
    @Path("session/{id}")
    public String session(@PathParam("id") String id) {
        revocations.revokeSession(id);
        return "revoked";
    }
}
