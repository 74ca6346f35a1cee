package dev.lumina.sample;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lumina.auth.Authenticated;
import dev.lumina.auth.Current;
import dev.lumina.auth.Revocations;
import dev.lumina.auth.Session;

/**
 * Ending sessions from the application with Lumina's {@link Revocations}: "sign out everywhere" (what an
 * application does after a password change) and "end this session" (one entry of an "active sessions" page).
 * A real application puts these behind its own CSRF protection; the sample keeps them bare for the tests.
 */
@Path("/revocations")
@Produces(MediaType.APPLICATION_JSON)
public class RevocationResource {

    /** The default of {@code lumina.auth.revocation.cache-name}; the sample does not change it. */
    static final String CACHE_NAME = "lumina-revocations";

    @Inject
    @Current
    Session session;

    @Inject
    Revocations revocations;

    /** Every session of the signed-in user, on every node sharing the revocation store, this one included. */
    @POST
    @Path("/everywhere")
    @Authenticated
    public Response everywhere() {
        revocations.revokeSubject(session.subject());
        return Response.noContent().build();
    }

    /** This session only, by its id: copies of its cookie stop working, the user's other sessions go on. */
    @POST
    @Path("/session")
    @Authenticated
    public Response thisSession() {
        revocations.revokeSession(session.id());
        return Response.noContent().build();
    }

    /**
     * Which JCache this application sees (none on WildFly; Payara's own Hazelcast member on Payara) and whether its
     * revocation cache holds an entry for {@code subject}: proof that Lumina's revocations go through it.
     */
    @GET
    @Path("/store")
    public JsonObject store(@QueryParam("subject") String subject) {
        return JCacheProbe.describe(CACHE_NAME, subject);
    }
}
