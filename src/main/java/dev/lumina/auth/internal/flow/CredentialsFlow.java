package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.Profile;
import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.config.ProviderType;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.internal.web.AuthRequest;
import dev.lumina.auth.internal.web.PostedFields;
import dev.lumina.auth.internal.web.Reply;
import dev.lumina.auth.internal.web.RequestFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link ProviderFlow} of credentials providers: {@code POST <base>/callback/{id}} with a form or a JSON
 * object of {@code csrfToken}, the provider's fields, {@code callbackUrl} and {@code errorUrl}. In order:
 *
 * <ol>
 * <li>the body is read with bounds: too large 413, malformed or of another type 400 (nothing else runs);</li>
 * <li>the CSRF token is checked (403 {@code csrf_invalid}, as JSON or, for a browser's form post, as the
 *     error page; this stops login CSRF);</li>
 * <li>a repeated field, or a missing or empty field of the provider, is 400;</li>
 * <li>the callback and error URLs are validated ({@code invalid_redirect});</li>
 * <li>(C1)-(C2) the application checks the fields ({@link CredentialsCheck}); then step (8)
 *     {@link SignInCompletion} and step (9) {@link SignInReplies}, as for every provider.</li>
 * </ol>
 *
 * Every refusal by the application is the same {@code credentials_invalid} answer. No field value is ever
 * logged, put in a URL or carried by an event other than {@code CredentialsSubmitted}; only the login name
 * (never a password) reaches {@code AuthFailed}, for throttling. GET is refused with 405.
 */
@ApplicationScoped
public class CredentialsFlow implements ProviderFlow {
    private static final LuminaLog LOG = LuminaLog.of(CredentialsFlow.class);

    @Inject
    AuthConfig config;
    @Inject
    CsrfCheck csrf;
    @Inject
    PostChecks checks;
    @Inject
    RedirectValidator redirects;
    @Inject
    CredentialsCheck credentials;
    @Inject
    SignInCompletion completion;
    @Inject
    SignInReplies replies;
    @Inject
    AuthEvents events;

    @Override
    public Set<ProviderType> serves() {
        return Set.of(ProviderType.CREDENTIALS);
    }

    /**
     * {@code POST <base>/signin/{id}} of a credentials provider has nothing to start: the browser is sent to
     * the sign-in page (its form posts to the callback), {@code callbackUrl} kept.
     */
    @Override
    public Reply signIn(FlowRequest flow, Targets targets) {
        AuthRequest request = flow.request();
        String url = RequestFacts.withParameter(request.facts().signInPage(config.signInPage()), PostChecks.CALLBACK_URL,
                targets.callbackUrl());
        return request.json() ? Reply.json(200, Map.of("url", url)) : Reply.redirect(request.facts().location(url));
    }

    /** {@code GET|POST <base>/callback/{id}}: only POST is served; GET is 405. */
    @Override
    public Reply callback(FlowRequest flow) {
        if (!flow.request().isPost()) {
            return Reply.status(405).header("Allow", "POST");
        }
        ProviderConfig provider = flow.provider();
        AuthRequest request = flow.request();
        PostedFields posted = request.fields();
        if (request.bodyProblem() != null) {
            boolean tooLarge = request.bodyProblem() == PostedFields.Problem.TOO_LARGE;
            return refused(flow, tooLarge ? 413 : 400, "body refused: " + request.bodyProblem());
        }
        try {
            csrf.require(request);
        } catch (AuthException e) {
            events.failed(new AuthFailed(AuthError.CSRF_INVALID, provider.id(), e.getMessage(), request.clientAddress(), null));
            // a person's form post (a stale page, cookies cleared): the same 403, said in a page
            return request.html() ? Reply.errorPage(403, AuthError.CSRF_INVALID.code(), provider.id())
                    : Reply.json(403, Map.of("error", AuthError.CSRF_INVALID.code()));
        }
        if (posted.hasRepeatedField()) {
            return refused(flow, 400, "a field was sent more than once");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : provider.fields()) {
            Optional<String> value = posted.first(name).filter(v -> !v.isEmpty());
            if (value.isEmpty()) {
                return refused(flow, 400, "field '" + name + "' missing");
            }
            fields.put(name, value.get());
        }
        String login = CredentialsCheck.loginName(provider, fields);
        String errorUrl = posted.first(PostChecks.ERROR_URL).filter(redirects::isAllowed).orElse(null);
        try {
            if (posted.first(PostChecks.ERROR_URL).isPresent() && errorUrl == null) {
                throw new AuthException(AuthError.INVALID_REDIRECT, "error URL refused");
            }
            String callbackUrl = checks.callbackUrl(request);
            // (C1)-(C2)
            Profile profile = credentials.check(provider, fields, request.clientAddress());
            // (8)
            Session session = completion.sessionFor(profile);
            // (9)
            return replies.success(request, session, profile, new Targets(callbackUrl, errorUrl));
        } catch (AuthException e) {
            return replies.failure(request, e, provider.id(), errorUrl, login);
        } catch (RuntimeException e) {
            return replies.unexpected(request, e, provider.id(), errorUrl, login);
        }
    }

    /** A body refused before the application sees it: a status and {@code credentials_invalid}, once. */
    private Reply refused(FlowRequest flow, int status, String why) {
        LOG.log(LogMessage.CREDENTIALS_REQUEST_REFUSED, flow.providerId(), status, why);
        events.failed(new AuthFailed(AuthError.CREDENTIALS_INVALID, flow.providerId(), why, flow.request().clientAddress(),
                null, null));
        return Reply.json(status, Map.of("error", AuthError.CREDENTIALS_INVALID.code()));
    }
}
