package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthException;
import dev.lumina.auth.Session;
import dev.lumina.auth.SignedOut;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.internal.revocation.SessionRevocations;
import dev.lumina.auth.internal.web.AuthRequest;
import dev.lumina.auth.internal.web.CookieNames;
import dev.lumina.auth.internal.web.Reply;
import dev.lumina.auth.internal.web.CookieChunks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST <base>/signout}: the CSRF token ({@link PostChecks}); then the session cookie (and its chunks) and
 * the tokens cookie are cleared, the session's id is revoked (so a copied token stops working), {@link SignedOut}
 * fires, and the browser goes to the validated {@code callbackUrl} (303), or fetch clients get
 * {@code {"url": ...}}. Idempotent: signing out without a session does the same.
 * <p>
 * A sign-out always signs out once its CSRF token is right: a refused {@code callbackUrl} is replaced by the
 * default (the application root), {@code AuthFailed} fires with {@code invalid_redirect}, and fetch clients get
 * {@code {"url": <default>, "error": "invalid_redirect"}}. A missing or wrong CSRF token is refused (403) and
 * signs nobody out: a cross-site page must not be able to sign a user out (logout CSRF, S01/S94).
 * <p>
 * The logout hint is cleared with the session. When the sign-out also ends the session at the provider
 * ({@link ProviderSignOut}: the {@code provider} field or the provider's {@code logout} setting), the browser goes
 * to the provider's {@code end_session_endpoint} instead, and comes back to {@code <base>/signout/callback/<id>}
 * before it lands on the (already validated) {@code callbackUrl}.
 */
@ApplicationScoped
public class SignOut {
    private static final LuminaLog LOG = LuminaLog.of(SignOut.class);

    @Inject
    PostChecks checks;
    @Inject
    Event<SignedOut> signedOut;
    @Inject
    AuthEvents events;
    @Inject
    SessionRevocations revocations;
    @Inject
    LogoutHints hints;
    @Inject
    ProviderSignOut provider;

    /** @param session the session the request carried (anonymous when none) */
    public Reply signOut(AuthRequest request, Session session) {
        try {
            checks.signOut(request);
        } catch (AuthException e) {
            events.failed(e.error(), null, e.getMessage(), request.clientAddress(), null);
            return Reply.json(e.error().httpStatus(), Map.of("error", e.error().code()));
        }
        String target;
        AuthException refused = null;
        try {
            target = checks.callbackUrl(request);
        } catch (AuthException e) {
            refused = e;
            target = request.facts().path("");
            events.failed(e.error(), null, e.getMessage(), request.clientAddress(), null);
        }
        try {
            revocations.revoke(session); // a copy of the token taken before stops working too
        } catch (RuntimeException e) {
            LOG.log(LogMessage.SIGN_OUT_NOT_REVOKED, LuminaLog.describe(e));
        }
        try {
            signedOut.fire(new SignedOut(session, SignedOut.Reason.USER));
        } catch (RuntimeException e) {
            LOG.observerFailed(LogMessage.SIGNED_OUT_OBSERVER_FAILED, e);
        }
        Optional<ProviderSignOut.Away> away = provider.start(request, session, target);
        String url = away.map(a -> a.url().toString()).orElse(target);
        boolean secure = request.facts().secure();
        List<String> clear = new ArrayList<>(CookieChunks.clear(CookieNames.SESSION, secure, request.cookies().keySet()));
        clear.addAll(CookieChunks.clearSent(CookieNames.TOKENS, secure, request.cookies().keySet()));
        clear.add(hints.clear(request.facts()));
        away.ifPresent(a -> clear.add(a.logoutCookie()));
        Map<String, String> body = refused == null ? Map.of("url", url) : Map.of("url", url, "error", refused.error().code());
        Reply r = request.json() ? Reply.json(200, body) : Reply.redirect(request.facts().location(url));
        for (String c : clear) {
            r = r.cookie(c);
        }
        return r;
    }

    /** {@code GET <base>/signout/callback/{id}}: the return from the provider ({@link ProviderSignOut#callback}). */
    public Reply callback(AuthRequest request, String providerId) {
        return provider.callback(request, providerId);
    }
}
