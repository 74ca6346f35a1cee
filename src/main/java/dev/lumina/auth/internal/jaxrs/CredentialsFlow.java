package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.Profile;
import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.config.ProviderType;
import dev.lumina.auth.internal.cdi.AuthEvents;
import dev.lumina.auth.internal.flow.CredentialsSignIn;
import dev.lumina.auth.internal.flow.RedirectValidator;
import dev.lumina.auth.internal.flow.SignInCompletion;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.internal.pages.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link ProviderFlow} of credentials providers: {@code POST /auth/callback/{id}}, to which the callback
 * resource hands the request. A form or a JSON object with {@code csrfToken}, the provider's
 * fields, {@code callbackUrl} and {@code errorUrl}. In order:
 *
 * <ol>
 * <li>the body is read with bounds: too large 413, malformed or of another type 400 (nothing else runs);</li>
 * <li>the CSRF token is checked (403 {@code csrf_invalid}, as JSON or, for a browser's form post, as the
 *     error page; this stops login CSRF);</li>
 * <li>a repeated field, or a missing or empty field of the provider, is 400;</li>
 * <li>the callback and error URLs are validated ({@code invalid_redirect});</li>
 * <li>(C1)-(C2) the application checks the fields ({@link CredentialsSignIn}); then step (8)
 *     {@link SignInCompletion} and step (9) {@link SignInResponses}, as for every provider.</li>
 * </ol>
 *
 * Every refusal by the application is the same {@code credentials_invalid} answer. No field value is ever
 * logged, put in a URL or carried by an event other than {@code CredentialsSubmitted}; only the login name
 * (never a password) reaches {@code AuthFailed}, for throttling. GET is refused with 405.
 */
@ApplicationScoped
public class CredentialsFlow implements ProviderFlow {
    private static final LuminaLog LOG = LuminaLog.of(CredentialsFlow.class);
    static final String CALLBACK_URL = "callbackUrl";
    static final String ERROR_URL = "errorUrl";

    @Inject
    AuthConfig config;
    @Inject
    CsrfCheck csrf;
    @Inject
    RedirectValidator redirects;
    @Inject
    CredentialsSignIn credentials;
    @Inject
    SignInCompletion completion;
    @Inject
    SignInResponses responses;
    @Inject
    AuthEvents events;
    @Inject
    Pages pages;

    @Override
    public Set<ProviderType> serves() {
        return Set.of(ProviderType.CREDENTIALS);
    }

    /**
     * {@code POST /auth/signin/{id}} of a credentials provider has nothing to start: the browser is sent to
     * the sign-in page (its form posts to the callback), {@code callbackUrl} kept.
     */
    @Override
    public Response signIn(FlowRequest request, SignInResponses.Targets targets) {
        String url = RequestFacts.withParameter(request.facts().signInPage(config.signInPage()), "callbackUrl",
                targets.callbackUrl());
        return request.json()
                ? JsonBodies.object(200, Map.of("url", url))
                : Response.seeOther(request.facts().location(url)).header("Cache-Control", "no-store").build();
    }

    /** {@code GET|POST /auth/callback/{id}}: only POST is served; GET is 405. */
    @Override
    public Response callback(FlowRequest request) {
        if (!request.isPost()) {
            return methodNotAllowed();
        }
        return post(request.provider(), request.facts(), request.headers(), request.fields(), request.bodyProblem(),
                request.json(), request.clientAddress());
    }

    private Response post(ProviderConfig provider, RequestFacts facts, HttpHeaders headers, PostedFields posted,
                          PostedFields.Problem bodyProblem, boolean json, String clientAddress) {
        if (bodyProblem != null) {
            boolean tooLarge = bodyProblem == PostedFields.Problem.TOO_LARGE;
            return refused(provider, tooLarge ? 413 : 400, "body refused: " + bodyProblem, clientAddress, null);
        }
        try {
            csrf.require(headers, facts, posted);
        } catch (AuthException e) {
            events.failed(new AuthFailed(AuthError.CSRF_INVALID, provider.id(), e.getMessage(), clientAddress, null));
            if (Negotiation.wantsHtml(headers.getAcceptableMediaTypes())) {
                // a person's form post (a stale page, cookies cleared): the same 403, said in a page
                String signIn = facts.signInPage(config.signInPage());
                return PageResponses.html(pages.error(new Pages.ErrorView(facts.basePath(), AuthError.CSRF_INVALID.code(),
                        provider.id(), signIn))).status(403).build();
            }
            return JsonBodies.error(AuthError.CSRF_INVALID);
        }
        if (posted.hasRepeatedField()) {
            return refused(provider, 400, "a field was sent more than once", clientAddress, null);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : provider.fields()) {
            Optional<String> value = posted.first(name).filter(v -> !v.isEmpty());
            if (value.isEmpty()) {
                return refused(provider, 400, "field '" + name + "' missing", clientAddress, null);
            }
            fields.put(name, value.get());
        }
        String login = CredentialsSignIn.loginName(provider, fields);
        String errorUrl = posted.first(ERROR_URL).filter(redirects::isAllowed).orElse(null);
        try {
            if (posted.first(ERROR_URL).isPresent() && errorUrl == null) {
                throw new AuthException(AuthError.INVALID_REDIRECT, "error URL refused");
            }
            String callbackUrl = redirects.validate(posted.first(CALLBACK_URL).orElse(null), facts.path(""));
            Profile profile = credentials.check(provider, fields, clientAddress);
            Session session = completion.sessionFor(profile);
            return responses.success(facts, session, profile, new SignInResponses.Targets(callbackUrl, errorUrl), json,
                    clientAddress);
        } catch (AuthException e) {
            return responses.failure(facts, e, provider.id(), errorUrl, json, clientAddress, login);
        }
    }

    /** GET (or any other method) on a credentials callback: 405, nothing read, nothing logged of the URL. */
    private static Response methodNotAllowed() {
        return Response.status(405).header(HttpHeaders.ALLOW, HttpMethod.POST).header("Cache-Control", "no-store").build();
    }

    /** A body refused before the application sees it: a status and {@code credentials_invalid}, once. */
    private Response refused(ProviderConfig provider, int status, String why, String clientAddress, String login) {
        LOG.info(4004, "credentials request for provider %s refused (%s): %s", provider.id(), status, why);
        events.failed(new AuthFailed(AuthError.CREDENTIALS_INVALID, provider.id(), why, clientAddress, login, null));
        return JsonBodies.object(status, Map.of("error", AuthError.CREDENTIALS_INVALID.code()));
    }
}
