package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.Profile;
import dev.lumina.auth.Session;
import dev.lumina.auth.SignedIn;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.cdi.AuthEvents;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.internal.session.CookieNames;
import dev.lumina.auth.internal.session.SessionIssuer;
import dev.lumina.auth.internal.session.SetCookie;
import dev.lumina.auth.spi.SessionCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How every sign-in ends, for every provider kind. Success (step 9): the session cookie, {@link SignedIn},
 * then 303 to the callback URL (or {@code {"url"}} for fetch clients). Failure: {@code AuthFailed} exactly
 * once, the flow cookie cleared, no session cookie, and 303 to {@code errorUrl?error=<code>&provider=<id>}
 * (or the JSON error). Only enumerated codes reach the browser.
 */
@ApplicationScoped
public class SignInResponses {
    private static final LuminaLog LOG = LuminaLog.of(SignInResponses.class);

    @Inject
    AuthConfig config;
    @Inject
    SessionCodec codec;
    @Inject
    SessionIssuer issuer;
    @Inject
    Event<SignedIn> signedIn;
    @Inject
    AuthEvents events;

    /** Where a sign-in goes, decided before it starts. */
    public record Targets(String callbackUrl, String errorUrl) {
    }

    /** The built-in or configured error page of this request. */
    public String defaultErrorUrl(RequestFacts facts) {
        return facts.errorPage(config.errorPage());
    }

    public Response success(RequestFacts facts, Session session, Profile profile, Targets targets, boolean json,
                            String clientAddress) {
        String cookie;
        try {
            cookie = SetCookie.of(CookieNames.SESSION, codec.encode(session),
                    Duration.ofSeconds(issuer.secondsLeft(session)), facts.secure());
        } catch (AuthException e) {
            LOG.error(2102, "%s", null, e.getMessage());
            return failure(facts, e, profile.provider(), targets.errorUrl(), json, clientAddress);
        }
        try {
            signedIn.fire(new SignedIn(session, profile.provider(), profile));
        } catch (RuntimeException e) {
            LOG.warn(2103, "a SignedIn observer threw %s; the sign-in stands", e.getClass().getName());
        }
        Response.ResponseBuilder r = json
                ? Response.fromResponse(JsonBodies.object(200, Map.of("url", targets.callbackUrl())))
                : Response.seeOther(facts.location(targets.callbackUrl())).header("Cache-Control", "no-store");
        return r.header(HttpHeaders.SET_COOKIE, cookie)
                .header(HttpHeaders.SET_COOKIE, SetCookie.clear(CookieNames.FLOW, facts.secure()))
                .build();
    }

    /** A failed sign-in; {@code errorUrl} must already be validated (or the default). */
    public Response failure(RequestFacts facts, AuthException e, String provider, String errorUrl, boolean json,
                            String clientAddress) {
        return failure(facts, e, provider, errorUrl, json, clientAddress, null);
    }

    /** A failed credentials sign-in: as above, {@code AuthFailed} also naming the submitted login. */
    public Response failure(RequestFacts facts, AuthException e, String provider, String errorUrl, boolean json,
                            String clientAddress, String login) {
        AuthError error = e.error();
        events.failed(new AuthFailed(error, provider, e.reason() != null ? e.reason() : e.getMessage(), clientAddress,
                login, e.getCause()));
        LOG.info(2104, "sign-in failed: %s (provider %s)", error.code(), provider);
        String clearFlow = SetCookie.clear(CookieNames.FLOW, facts.secure());
        if (json) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("error", error.code());
            if (e.reason() != null) {
                body.put("reason", e.reason());
            }
            return Response.fromResponse(JsonBodies.object(error.httpStatus(), body))
                    .header(HttpHeaders.SET_COOKIE, clearFlow).build();
        }
        String location = RequestFacts.withParameter(errorUrl == null ? defaultErrorUrl(facts) : errorUrl, "error", error.code());
        if (provider != null) {
            location = RequestFacts.withParameter(location, "provider", provider);
        }
        if (e.reason() != null && error == AuthError.ACCESS_DENIED) {
            location = RequestFacts.withParameter(location, "reason", e.reason());
        }
        return Response.seeOther(facts.location(location))
                .header("Cache-Control", "no-store")
                .header(HttpHeaders.SET_COOKIE, clearFlow)
                .build();
    }
}
