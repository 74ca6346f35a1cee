package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.Session;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The JSON bodies Lumina answers with, written with JSON-P so every runtime serialises them alike. */
public final class JsonBodies {
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");
    /** Made once: each {@code Json.create...} call looks the JSON-P provider up with a ServiceLoader. */
    static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

    private JsonBodies() {
    }

    /** {@code {"error":"<code>"}} with the error's status; nothing else is said. */
    public static Response error(AuthError error) {
        return json(error.httpStatus(), BUILDERS.createObjectBuilder().add("error", error.code()).build().toString());
    }

    public static Response object(int status, Map<String, String> fields) {
        JsonObjectBuilder b = BUILDERS.createObjectBuilder();
        fields.forEach(b::add);
        return json(status, b.build().toString());
    }

    /** The client-safe view of a session: application fields and claims, never a token. */
    public static String session(Session s) {
        if (!s.isAuthenticated()) {
            return "null";
        }
        JsonObjectBuilder b = BUILDERS.createObjectBuilder().add("subject", s.subject());
        addIfPresent(b, "provider", s.provider());
        addIfPresent(b, "email", s.email());
        addIfPresent(b, "name", s.name());
        addIfPresent(b, "picture", s.picture());
        b.add("roles", BUILDERS.createArrayBuilder(s.roles()));
        b.add("claims", BUILDERS.createObjectBuilder(s.claims()));
        if (s.expiresAt() != null) {
            b.add("expires", s.expiresAt().toString());
        }
        return b.build().toString();
    }

    public static Response json(int status, String body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).cacheControl(NO_STORE).entity(body).build();
    }

    private static void addIfPresent(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }
}
