package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.Profile;
import dev.lumina.auth.Session;
import dev.lumina.auth.SignedIn;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.internal.session.SessionIssuer;
import dev.lumina.auth.internal.web.AuthRequest;
import dev.lumina.auth.internal.web.CookieChunks;
import dev.lumina.auth.internal.web.CookieNames;
import dev.lumina.auth.internal.web.Reply;
import dev.lumina.auth.internal.web.RequestFacts;
import dev.lumina.auth.internal.web.SetCookie;
import dev.lumina.auth.spi.SessionCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every sign-in ends, for every provider kind. Success, step (9): the session cookie (in chunks when large),
 * the tokens cookie of a provider that keeps them (else any earlier one cleared), the logout hint written or
 * cleared ({@link LogoutHints}), {@link SignedIn}, then 303 to the callback URL (or {@code {"url"}} for fetch
 * clients). Failure: {@code AuthFailed} exactly once, no session cookie, and 303 to
 * {@code errorUrl?error=<code>&provider=<id>} (or the JSON error). Only enumerated codes reach the browser. The
 * flow that ends clears its own flow cookie ({@link OAuthFlow}); other sign-ins in progress are left alone.
 */
@ApplicationScoped
public class SignInReplies {
    private static final LuminaLog LOG = LuminaLog.of(SignInReplies.class);

    @Inject
    PostChecks checks;
    @Inject
    SessionCodec codec;
    @Inject
    SessionIssuer issuer;
    @Inject
    Event<SignedIn> signedIn;
    @Inject
    AuthEvents events;
    @Inject
    LogoutHints hints;
    @Inject
    KeptTokensCookies keptTokens;

    /** (9) The session cookie, the logout hint of an earlier sign-in cleared, {@link SignedIn}, the callback URL. */
    public Reply success(AuthRequest request, Session session, Profile profile, Targets targets) {
        return success(request, session, profile, targets, hints.clear(request.facts()));
    }

    /**
     * (9) The session cookie, {@link SignedIn}, and the way to the callback URL.
     *
     * @param hint the {@code Set-Cookie} of the logout hint: this sign-in's, or the one that clears it
     */
    public Reply success(AuthRequest request, Session session, Profile profile, Targets targets, String hint) {
        RequestFacts facts = request.facts();
        List<String> cookies;
        try {
            cookies = new ArrayList<>(CookieChunks.write(CookieNames.SESSION, codec.encode(session),
                    Duration.ofSeconds(issuer.secondsLeft(session)), facts.secure(), request.cookies().keySet()));
        } catch (AuthException e) {
            LOG.log(LogMessage.SESSION_COOKIE_TOO_LARGE, e.getMessage());
            return failure(request, e, profile.provider(), targets.errorUrl(), null);
        }
        try {
            signedIn.fire(new SignedIn(session, profile.provider(), profile));
        } catch (RuntimeException e) {
            LOG.observerFailed(LogMessage.SIGNED_IN_OBSERVER_FAILED, e);
        }
        cookies.addAll(keptTokens.atSignIn(session, profile, facts.secure(), request.cookies().keySet()));
        Reply r = request.json()
                ? Reply.json(200, Map.of("url", targets.callbackUrl()))
                : Reply.redirect(facts.location(targets.callbackUrl()));
        cookies.add(hint);
        for (String c : cookies) {
            r = r.cookie(c);
        }
        return r;
    }

    /**
     * A failed sign-in: {@code AuthFailed} (naming the submitted login of a credentials sign-in, or
     * {@code null}) and the way to the error URL, which must already be validated
     * ({@code null}: the default).
     */
    public Reply failure(AuthRequest request, AuthException e, String provider, String errorUrl, String login) {
        RequestFacts facts = request.facts();
        AuthError error = e.error();
        events.failed(new AuthFailed(error, provider, e.reason() != null ? e.reason() : e.getMessage(),
                request.clientAddress(), login, e.getCause()));
        LOG.log(LogMessage.SIGN_IN_FAILED, error.code(), provider);
        if (request.json()) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("error", error.code());
            if (e.reason() != null) {
                body.put("reason", e.reason());
            }
            return Reply.json(error.httpStatus(), body);
        }
        String location = RequestFacts.withParameter(errorUrl == null ? checks.defaultErrorUrl(request) : errorUrl,
                "error", error.code());
        if (provider != null) {
            location = RequestFacts.withParameter(location, "provider", provider);
        }
        if (e.reason() != null && error == AuthError.ACCESS_DENIED) {
            location = RequestFacts.withParameter(location, "reason", e.reason());
        }
        return Reply.redirect(facts.location(location));
    }

    /**
     * Application code (an observer, a replaced codec) threw where Lumina expected an outcome: logged with its
     * message, and the sign-in ends as {@code server_error} like any other failure.
     */
    public Reply unexpected(AuthRequest request, RuntimeException e, String provider, String errorUrl, String login) {
        LOG.withStack(LogMessage.SIGN_IN_UNEXPECTED, e, provider, LuminaLog.describe(e));
        return failure(request, new AuthException(AuthError.SERVER_ERROR, "unexpected failure", e), provider, errorUrl, login);
    }
}
