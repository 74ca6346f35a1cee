package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.Profile;
import dev.lumina.auth.Session;
import dev.lumina.auth.config.ProviderType;
import dev.lumina.auth.internal.flow.FlowSeal;
import dev.lumina.auth.internal.flow.FlowState;
import dev.lumina.auth.internal.flow.OAuthCallback;
import dev.lumina.auth.internal.flow.OAuthSignIn;
import dev.lumina.auth.internal.flow.SignInCompletion;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.internal.oauth.OAuthProvider;
import dev.lumina.auth.internal.oauth.OAuthProviders;
import dev.lumina.auth.internal.session.CookieNames;
import dev.lumina.auth.internal.session.SetCookie;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The redirect flow of every OAuth provider kind (OIDC, Google, GitHub): (2) to the provider with a sealed
 * flow cookie, then at the callback (5)-(7) through {@link OAuthCallback}, (8) {@link SignInCompletion},
 * (9) {@link SignInResponses}. What differs per kind lives in its {@link OAuthProvider}.
 */
@ApplicationScoped
public class OAuthFlow implements ProviderFlow {
    private static final LuminaLog LOG = LuminaLog.of(OAuthFlow.class);

    @Inject
    OAuthProviders providers;
    @Inject
    OAuthSignIn signIn;
    @Inject
    OAuthCallback callback;
    @Inject
    FlowSeal seal;
    @Inject
    SignInCompletion completion;
    @Inject
    SignInResponses responses;

    @Override
    public Set<ProviderType> serves() {
        return Set.of(ProviderType.OIDC, ProviderType.GOOGLE, ProviderType.GITHUB);
    }

    @Override
    public Response signIn(FlowRequest request, SignInResponses.Targets targets) {
        RequestFacts facts = request.facts();
        OAuthSignIn.Started started;
        try {
            // (2)
            started = signIn.start(provider(request), targets.callbackUrl(), targets.errorUrl(),
                    facts.publicUrl("auth/callback/" + request.providerId()));
        } catch (AuthException e) {
            return responses.failure(facts, e, request.providerId(), targets.errorUrl(), request.json(), request.clientAddress());
        }
        String cookie = SetCookie.of(CookieNames.FLOW, started.flowCookie(), seal.maxAge(), facts.secure());
        Response.ResponseBuilder r = request.json()
                ? Response.fromResponse(JsonBodies.object(200, Map.of("url", started.authorizationUrl().toString())))
                : Response.seeOther(started.authorizationUrl()).header("Cache-Control", "no-store");
        return r.header(HttpHeaders.SET_COOKIE, cookie).build();
    }

    @Override
    public Response callback(FlowRequest request) {
        RequestFacts facts = request.facts();
        String id = request.providerId();
        Cookie cookie = request.headers().getCookies().get(CookieNames.FLOW.name(facts.secure()));
        FlowState flow;
        try {
            // (5)
            flow = callback.open(id, cookie == null ? null : cookie.getValue());
        } catch (AuthException e) {
            return responses.failure(facts, e, id, null, request.json(), request.clientAddress());
        }
        try {
            // (5)-(7)
            Profile profile = callback.complete(provider(request), flow, parameters(request));
            // (8)
            Session session = completion.sessionFor(profile);
            // (9)
            return responses.success(facts, session, profile, new SignInResponses.Targets(flow.callbackUrl(), flow.errorUrl()),
                    request.json(), request.clientAddress());
        } catch (AuthException e) {
            return responses.failure(facts, e, id, flow.errorUrl(), request.json(), request.clientAddress());
        } catch (RuntimeException e) {
            LOG.error(2201, "sign-in with provider %s failed unexpectedly: %s", e, id, e.getClass().getName());
            return responses.failure(facts, new AuthException(AuthError.SERVER_ERROR, "unexpected failure", e), id,
                    flow.errorUrl(), request.json(), request.clientAddress());
        }
    }

    private OAuthProvider provider(FlowRequest request) {
        return providers.find(request.providerId())
                .orElseThrow(() -> new AuthException(AuthError.UNKNOWN_PROVIDER, "not an OAuth provider"));
    }

    /** GET: the query (response_mode=query); POST: the form (response_mode=form_post). */
    private static Map<String, List<String>> parameters(FlowRequest request) {
        if (!request.isPost()) {
            return request.query();
        }
        if (request.bodyProblem() != null) {
            throw new AuthException(AuthError.STATE_INVALID, "callback body refused: " + request.bodyProblem());
        }
        if (request.fields().hasRepeatedField()) {
            throw new AuthException(AuthError.STATE_INVALID, "callback with a repeated field");
        }
        Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        request.fields().singleValues().forEach((k, v) -> params.put(k, List.of(v)));
        return params;
    }
}
