package dev.lumina.demo;

import dev.lumina.auth.Authenticated;
import dev.lumina.auth.Current;
import dev.lumina.auth.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The demo's own pages: {@code /demo}, a page built on {@code /auth/client.js} (sign in with any provider,
 * credentials through {@code signIn(id, {fields})}, sign out, the state through {@code authState});
 * {@code /demo/failed}, the same page used as the failure URL; {@code /demo/me}, a protected page that
 * works without JavaScript; {@code /demo/whoami}, the signed-in user as JSON, from an application-scoped
 * service ({@link DemoUsers}); {@code /demo/provider-call}, the dev provider's userinfo called with the kept
 * access token ({@link DemoProviderCall}).
 */
@Path("demo")
@RequestScoped
public class DemoPageResource {
    private static final String PAGE = resource("demo.html");
    private static final String SCRIPT = resource("app.js");
    private static final String STYLE = resource("app.css");

    @Inject
    @Current
    Session session;

    @Inject
    DemoUsers users;

    @Inject
    DemoProviderCall providerCall;

    @GET
    public Response home() {
        return page();
    }

    @GET
    @Path("failed")
    public Response failed() {
        return page();
    }

    @GET
    @Path("app.js")
    public Response script() {
        return Response.ok(SCRIPT, "text/javascript; charset=utf-8").header("Cache-Control", "no-cache").build();
    }

    @GET
    @Path("app.css")
    public Response style() {
        return Response.ok(STYLE, "text/css; charset=utf-8").header("Cache-Control", "no-cache").build();
    }

    @GET
    @Path("me")
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public String me() {
        String who = escape(session.name() != null ? session.name() : session.subject());
        String email = session.email() != null ? " (" + escape(session.email()) + ")" : "";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Signed in</title></head><body>"
                + "<p id=\"me\">Signed in as " + who + email + "</p>"
                + "<p><a href=\"/auth/signin\">Sign-in page</a></p></body></html>";
    }

    /** {@code {"subject": ..., "name": ...}}, or {@code 401 {"error":"unauthenticated"}} when signed out. */
    @GET
    @Path("whoami")
    @Produces(MediaType.APPLICATION_JSON)
    public Response whoami() {
        return users.whoAmI()
                .map(me -> json(200, Json.createObjectBuilder().add("subject", me.subject())
                        .add("name", me.name() != null ? Json.createValue(me.name()) : JsonValue.NULL)))
                .orElseGet(() -> json(401, Json.createObjectBuilder().add("error", "unauthenticated")));
    }

    /**
     * The dev provider's userinfo, called with the kept access token; {@code 401 {"error":"unauthenticated"}} when
     * signed out, 404 when the session has no provider tokens (the demo account).
     */
    @GET
    @Path("provider-call")
    @Produces(MediaType.APPLICATION_JSON)
    public Response providerCall() {
        DemoProviderCall.Answer a = providerCall.userinfo();
        return Response.status(a.status()).type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store")
                .entity(a.json()).build();
    }

    private static Response json(int status, JsonObjectBuilder body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store")
                .entity(body.build().toString()).build();
    }

    private static Response page() {
        return Response.ok(PAGE, MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'")
                .build();
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = DemoPageResource.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
