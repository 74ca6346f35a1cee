package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.Profile;
import dev.lumina.auth.Session;
import dev.lumina.auth.config.ProviderType;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.internal.oauth.OAuthProvider;
import dev.lumina.auth.internal.oauth.OAuthProviders;
import dev.lumina.auth.internal.web.AuthRequest;
import dev.lumina.auth.internal.web.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The redirect flow of every OAuth provider kind (OIDC, Google, GitHub): (2) to the provider with a sealed
 * flow cookie of its own ({@link FlowCookies}), then at the callback (5)-(7) through {@link OAuthCallback},
 * (8) {@link SignInCompletion}, (9) {@link SignInReplies}. What differs per kind lives in its {@link OAuthProvider}.
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
    FlowCookies flowCookies;
    @Inject
    SignInCompletion completion;
    @Inject
    SignInReplies replies;
    @Inject
    LogoutHints hints;

    @Override
    public Set<ProviderType> serves() {
        return Set.of(ProviderType.OIDC, ProviderType.GOOGLE, ProviderType.GITHUB);
    }

    @Override
    public Reply signIn(FlowRequest flow, Targets targets) {
        AuthRequest request = flow.request();
        OAuthSignIn.Started started;
        try {
            // (2)
            started = signIn.start(provider(flow), targets.callbackUrl(), targets.errorUrl(),
                    request.facts().endpointUrl("callback/" + flow.providerId()));
        } catch (AuthException e) {
            return replies.failure(request, e, flow.providerId(), targets.errorUrl(), null);
        } catch (RuntimeException e) {
            return replies.unexpected(request, e, flow.providerId(), targets.errorUrl(), null);
        }
        Reply r = request.json()
                ? Reply.json(200, Map.of("url", started.authorizationUrl().toString()))
                : Reply.redirect(started.authorizationUrl());
        for (String cookie : flowCookies.start(request, started.state(), started.flowCookie())) {
            r = r.cookie(cookie);
        }
        return r;
    }

    @Override
    public Reply callback(FlowRequest flow) {
        AuthRequest request = flow.request();
        String id = flow.providerId();
        Map<String, List<String>> params;
        Optional<String> cookieName = Optional.empty();
        FlowState state;
        try {
            params = parameters(request);
            // (5) this flow's own cookie, found by the state it sent
            cookieName = FlowCookies.nameFor(request, params);
            String flowCookie = cookieName.flatMap(request::cookie).orElse(null);
            if (flowCookie == null && cookieName.isPresent()) {
                LOG.log(LogMessage.CALLBACK_WITHOUT_FLOW_COOKIE, id, request.facts().publicBase());
            }
            state = callback.open(flowCookie);
        } catch (AuthException e) {
            return clearing(replies.failure(request, e, id, null, null), request, cookieName);
        }
        if (!state.provider().equals(id)) {
            // another sign-in of this browser (another provider): refused, and its cookie left to it
            return replies.failure(request, new AuthException(AuthError.STATE_INVALID, "flow cookie belongs to another provider"),
                    id, null, null);
        }
        try {
            // (5)-(7)
            OAuthProvider provider = provider(flow);
            Profile profile = callback.complete(provider, state, params);
            // (8)
            Session session = completion.sessionFor(profile);
            // (9), with the ID token kept for a later sign-out at the provider
            String hint = hints.forSignIn(request.facts(), session, provider, profile);
            return clearing(replies.success(request, session, profile, new Targets(state.callbackUrl(), state.errorUrl()), hint),
                    request, cookieName);
        } catch (AuthException e) {
            return clearing(replies.failure(request, e, id, state.errorUrl(), null), request, cookieName);
        } catch (RuntimeException e) {
            return clearing(replies.unexpected(request, e, id, state.errorUrl(), null), request, cookieName);
        }
    }

    /** Each callback clears its own flow cookie only: the browser's other sign-ins go on. */
    private static Reply clearing(Reply reply, AuthRequest request, Optional<String> cookieName) {
        return cookieName.map(n -> reply.cookie(FlowCookies.clear(n, request.facts().secure()))).orElse(reply);
    }

    private OAuthProvider provider(FlowRequest flow) {
        return providers.find(flow.providerId())
                .orElseThrow(() -> new AuthException(AuthError.UNKNOWN_PROVIDER, "not an OAuth provider"));
    }

    /** GET: the query (response_mode=query); POST: the form (response_mode=form_post). */
    private static Map<String, List<String>> parameters(AuthRequest request) {
        if (!request.isPost()) {
            return request.query();
        }
        if (request.bodyProblem() != null) {
            throw new AuthException(AuthError.STATE_INVALID, "callback body refused: " + request.bodyProblem());
        }
        if (request.fields().hasRepeatedField()) {
            throw new AuthException(AuthError.STATE_INVALID, "callback with a repeated field");
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.fields().singleValues().forEach((k, v) -> params.put(k, List.of(v)));
        return params;
    }
}
