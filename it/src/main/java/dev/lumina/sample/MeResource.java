package dev.lumina.sample;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.lumina.auth.Authenticated;
import dev.lumina.auth.Current;
import dev.lumina.auth.Session;

/** The signed-in user, from the session and from the database. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    @Current
    Session session;

    @Inject
    UserDirectory users;

    /** What the session says: no database access. */
    @GET
    @Authenticated
    public JsonObject me() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("subject", session.subject())
                .add("provider", nullable(session.provider()))
                .add("email", nullable(session.email()))
                .add("name", nullable(session.name()))
                .add("roles", Json.createArrayBuilder(session.roles()));
        return json.build();
    }

    /** The user's record and linked accounts. */
    @GET
    @Path("/accounts")
    @Authenticated
    public JsonObject accounts() {
        var accounts = Json.createArrayBuilder();
        users.accounts(session.subject()).forEach(a -> accounts.add(Json.createObjectBuilder()
                .add("provider", a.provider())
                .add("subject", a.subject())
                .add("email", nullable(a.email()))
                .add("emailVerified", a.emailVerified())));
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", session.subject());
        users.find(session.subject()).ifPresent(u -> json
                .add("email", nullable(u.email()))
                .add("name", nullable(u.name())));
        return json.add("accounts", accounts).build();
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }
}
