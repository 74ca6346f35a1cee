package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.Session;
import dev.lumina.auth.SignedOut;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.internal.flow.AuthEvents;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.internal.revocation.SessionRevocations;
import dev.lumina.auth.internal.session.CurrentSession;
import dev.lumina.auth.internal.session.SessionIssuer;
import dev.lumina.auth.internal.session.SignedInRequest;
import dev.lumina.auth.internal.web.CookieChunks;
import dev.lumina.auth.internal.web.CookieNames;
import dev.lumina.auth.internal.web.RequestFacts;
import dev.lumina.auth.spi.SessionCodec;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Runs on every request of the application: reads the session cookie, verifies it, and makes the session
 * available as {@code @Current Session} and as the JAX-RS {@code SecurityContext}. A bad, tampered or
 * expired cookie makes the request anonymous, clears the cookie and fires {@code AuthFailed}; it is never
 * an error. So does a revoked session ({@code session_revoked}, and {@code SignedOut} with reason {@code REVOKED}). So do two session cookies of the name that counts (on HTTPS only the {@code __Host-} one): one was
 * planted, and which is which cannot be told. On the way out, a session past its update age is re-issued (sliding renewal).
 *
 * Pre-matching, so that it runs before the runtime creates the resource: Jersey creates resource
 * instances while matching, and an unscoped resource's {@code @Inject @Current Session} is resolved then.
 * Kept lean: a request without the cookie costs one map lookup; a valid one, one HMAC.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@Singleton // not @ApplicationScoped: no client proxy, whose context lookup every request paid twice
public class SessionFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final LuminaLog LOG = LuminaLog.of(SessionFilter.class);
    /** Request property: what this filter found, for its response side and for the resources ({@link #facts}). */
    static final String SEEN = "dev.lumina.auth.session-filter";
    /** Request property: the application's own sign-in page, for {@link AccessFilter} (which is not a CDI bean). */
    static final String OWN_SIGN_IN_PAGE = "dev.lumina.auth.own-sign-in-page";

    /**
     * What the request filter found, kept as one request property (each property is a map operation of the
     * runtime): the request's facts, the names of the session cookie (or its chunks) it carried, the signed-in
     * request when the cookie was good, and whether the cookie is to be cleared.
     */
    private static final class Seen {
        final RequestFacts facts;
        Set<String> sent = Set.of();
        SignedInRequest signedIn;
        boolean clear;

        Seen(RequestFacts facts) {
            this.facts = facts;
        }
    }

    @Inject
    AuthConfig config;
    @Inject
    SessionCodec codec;
    @Inject
    SessionIssuer issuer;
    @Inject
    CurrentSession current;
    @Inject
    AuthEvents events;
    @Inject
    AuthRequests requests;
    @Inject
    SessionRevocations revocations;
    @Inject
    CurrentRequests requestsServed;

    @Override
    public void filter(ContainerRequestContext request) {
        RequestFacts facts = requests.facts(request);
        Seen seen = new Seen(facts);
        request.setProperty(SEEN, seen);
        if (config.signInPage().isPresent()) {
            request.setProperty(OWN_SIGN_IN_PAGE, config.signInPage().get());
        }
        // the raw header: the runtime's cookie map keeps only one of two cookies of the same name
        List<String> headers = request.getHeaders().get(HttpHeaders.COOKIE);
        CookieChunks.Read read = CookieChunks.read(headers, CookieNames.SESSION.name(facts.secure()));
        seen.sent = read.names();
        if (read.refused()) {
            // S96: a second session cookie is a planted one; neither is believed, and ours is cleared; so are
            // chunks that do not form one exact set
            reject(seen, read.problem());
            return;
        }
        if (read.absent()) {
            return;
        }
        try {
            Session session = codec.decode(read.value());
            if (issuer.pastAbsoluteLimit(session)) {
                throw new AuthException(AuthError.SESSION_INVALID, "session past its absolute lifetime");
            }
            // after the verified-token cache too: a token seen before is refused once its session is revoked
            String revokedBy = revocations.revokedBy(session);
            if (revokedBy != null) {
                revoked(seen, session, revokedBy);
                return;
            }
            seen.signedIn = new SignedInRequest(session, headers, facts.secure());
            if (!requestsServed.canTell()) {
                current.signedIn(seen.signedIn); // a runtime where the bean cannot find it: made and told now
            }
            request.setSecurityContext(new SessionSecurityContext(session, facts.secure()));
        } catch (AuthException e) {
            reject(seen, e.getMessage());
        } catch (RuntimeException e) {
            // a replaced codec must not turn a bad cookie into a 500 either
            reject(seen, "codec failed: " + e.getClass().getName());
        }
    }

    private void revoked(Seen seen, Session session, String revokedBy) {
        LOG.log(LogMessage.SESSION_REVOKED, revokedBy);
        seen.clear = true;
        events.failed(AuthError.SESSION_REVOKED, session.provider(), "session revoked by " + revokedBy, null, null);
        events.signedOut(new SignedOut(session, SignedOut.Reason.REVOKED));
    }

    private void reject(Seen seen, String why) {
        LOG.log(LogMessage.SESSION_COOKIE_REJECTED, why);
        seen.clear = true;
        events.failed(AuthError.SESSION_INVALID, null, why, null, null);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(SEEN) instanceof Seen seen)) {
            return; // the request never reached the request filter (e.g. no resource matched)
        }
        RequestFacts facts = seen.facts;
        if (setsCookie(response, CookieNames.SESSION.name(facts.secure()))) {
            return; // sign-in or sign-out already decided the cookie
        }
        SignedInRequest signedIn = seen.signedIn;
        if (signedIn != null) {
            // what the application's use of ProviderTokens decided (refreshed tokens; an ended session)
            signedIn.responseCookies().forEach(c -> response.getHeaders().add(HttpHeaders.SET_COOKIE, c));
        }
        if (seen.clear) {
            CookieChunks.clear(CookieNames.SESSION, facts.secure(), seen.sent).forEach(c -> response.getHeaders().add(HttpHeaders.SET_COOKIE, c));
            return;
        }
        if (signedIn != null && signedIn.session().isAuthenticated() && !signedIn.ended()) {
            issuer.renewal(signedIn.session()).ifPresent(renewed -> {
                try {
                    CookieChunks.write(CookieNames.SESSION, codec.encode(renewed), Duration.ofSeconds(issuer.secondsLeft(renewed)),
                            facts.secure(), seen.sent).forEach(c -> response.getHeaders().add(HttpHeaders.SET_COOKIE, c));
                } catch (RuntimeException e) {
                    LOG.log(LogMessage.SESSION_RENEWAL_SKIPPED, e.getMessage());
                }
            });
        }
    }

    private static boolean setsCookie(ContainerResponseContext response, String name) {
        List<Object> cookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (cookies == null) {
            return false;
        }
        for (Object c : cookies) {
            if (CookieChunks.sets(String.valueOf(c), name)) {
                return true;
            }
        }
        return false;
    }

    /** The signed-in request the filter found, given the value of its request property. */
    static SignedInRequest signedIn(Object property) {
        return property instanceof Seen seen ? seen.signedIn : null;
    }

    /** The request facts the filter computed (for resources that run after it). */
    public static RequestFacts facts(ContainerRequestContext request) {
        return request.getProperty(SEEN) instanceof Seen seen ? seen.facts : null;
    }
}
