package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.AuthException;
import dev.lumina.auth.Session;
import dev.lumina.auth.SignedOut;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.cdi.AuthEvents;
import dev.lumina.auth.internal.cdi.CurrentSession;
import dev.lumina.auth.internal.flow.RedirectValidator;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.internal.session.CookieNames;
import dev.lumina.auth.internal.session.SetCookie;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code POST /auth/signout}: CSRF-checked; clears the session cookie, fires {@link SignedOut}, and sends
 * the browser to a validated {@code callbackUrl} (303), or answers {@code {"url": ...}} to fetch clients.
 * Idempotent: signing out without a session does the same.
 */
@Path("auth/signout")
@RequestScoped
public class SignOutResource {
    private static final LuminaLog LOG = LuminaLog.of(SignOutResource.class);

    @Inject
    AuthConfig config;
    @Inject
    CsrfCheck csrf;
    @Inject
    RedirectValidator redirects;
    @Inject
    CurrentSession current;
    @Inject
    Event<SignedOut> signedOut;
    @Inject
    AuthEvents events;

    @POST
    public Response signOut(@Context HttpHeaders headers, @Context UriInfo uri, InputStream body) {
        RequestFacts facts = RequestFacts.of(config, uri, headers.getRequestHeaders());
        PostedFields fields;
        try {
            fields = PostedFields.read(headers.getMediaType(), body);
        } catch (PostedFields.RefusedBody e) {
            fields = PostedFields.empty(); // then the CSRF check fails: 403, like any request without a token
        }
        String target;
        try {
            csrf.require(headers, facts, fields);
            target = redirects.validate(fields.first("callbackUrl").orElse(null), facts.path(""));
        } catch (AuthException e) {
            events.failed(e.error(), null, e.getMessage(), null, null);
            return JsonBodies.error(e.error());
        }
        Session session = current.get();
        try {
            signedOut.fire(new SignedOut(session));
        } catch (RuntimeException e) {
            LOG.warn(1003, "a SignedOut observer threw %s; the session is cleared anyway", e.getClass().getName());
        }
        String clear = SetCookie.clear(CookieNames.SESSION, facts.secure());
        if (Negotiation.wantsJson(headers.getAcceptableMediaTypes())) {
            return Response.fromResponse(JsonBodies.object(200, Map.of("url", target)))
                    .header(HttpHeaders.SET_COOKIE, clear).build();
        }
        return Response.seeOther(facts.location(target)).header(HttpHeaders.SET_COOKIE, clear)
                .header("Cache-Control", "no-store").build();
    }

}
