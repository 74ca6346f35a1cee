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
import dev.lumina.auth.internal.web.CookieNames;
import dev.lumina.auth.internal.web.Reply;
import dev.lumina.auth.internal.web.SetCookie;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The redirect flow of every OAuth provider kind (OIDC, Google, GitHub): (2) to the provider with a sealed
 * flow cookie, then at the callback (5)-(7) through {@link OAuthCallback}, (8) {@link SignInCompletion},
 * (9) {@link SignInReplies}. What differs per kind lives in its {@link OAuthProvider}.
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
    SignInReplies replies;

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
        String cookie = SetCookie.of(CookieNames.FLOW, started.flowCookie(), seal.maxAge(), request.facts().secure());
        Reply r = request.json()
                ? Reply.json(200, Map.of("url", started.authorizationUrl().toString()))
                : Reply.redirect(started.authorizationUrl());
        return r.cookie(cookie);
    }

    @Override
    public Reply callback(FlowRequest flow) {
        AuthRequest request = flow.request();
        String id = flow.providerId();
        FlowState state;
        try {
            // (5)
            String flowCookie = request.cookie(CookieNames.FLOW).orElse(null);
            if (flowCookie == null) {
                LOG.log(LogMessage.CALLBACK_WITHOUT_FLOW_COOKIE, id, request.facts().publicBase());
            }
            state = callback.open(id, flowCookie);
        } catch (AuthException e) {
            return replies.failure(request, e, id, null, null);
        }
        try {
            // (5)-(7)
            Profile profile = callback.complete(provider(flow), state, parameters(request));
            // (8)
            Session session = completion.sessionFor(profile);
            // (9)
            return replies.success(request, session, profile, new Targets(state.callbackUrl(), state.errorUrl()));
        } catch (AuthException e) {
            return replies.failure(request, e, id, state.errorUrl(), null);
        } catch (RuntimeException e) {
            return replies.unexpected(request, e, id, state.errorUrl(), null);
        }
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
