package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.internal.oauth.LogoutToken;
import dev.lumina.auth.internal.oauth.OAuthProvider;
import dev.lumina.auth.internal.oauth.OAuthProviders;
import dev.lumina.auth.internal.revocation.SessionRevocations;
import dev.lumina.auth.internal.web.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST <base>/backchannel-logout/<provider>} (OpenID Connect Back-Channel Logout 1.0): the provider tells
 * the application that a user signed out there. The form-encoded {@code logout_token} is checked completely
 * ({@link dev.lumina.auth.internal.oauth.LogoutTokenValidator}), its {@code jti} is recorded once in the
 * revocation store (a replay is refused, on every node sharing it), then the sessions it names are revoked:
 * those of the provider session ({@code sid}) when it names one, else every session of the provider subject
 * ({@code sub}). 200 on success; 400 {@code {"error":"invalid_request"}} for anything else, revoking nothing.
 * Always {@code Cache-Control: no-store} (section 2.8). Server to server: no cookie, no CSRF token.
 */
@ApplicationScoped
public class BackChannelLogout {
    /** Largest body read: a logout token is a few kB. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    private static final LuminaLog LOG = LuminaLog.of(BackChannelLogout.class);
    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    OAuthProviders providers;
    @Inject
    SessionRevocations revocations;

    /** @param body the request body, at most {@link #MAX_BODY_BYTES} + 1 bytes of it */
    public Reply logout(String providerId, String contentType, byte[] body) {
        try {
            Optional<OAuthProvider> provider = providers.find(providerId);
            if (provider.isEmpty()) {
                return refused(providerId, "no OAuth provider with that id");
            }
            String token = logoutToken(contentType, body);
            if (token == null) {
                return refused(providerId, "no single logout_token in a form body");
            }
            LogoutToken verified = provider.get().logoutToken(token);
            if (!revocations.firstUse(providerId, verified.jti(), verified.replayableUntil())) {
                return refused(providerId, "jti replayed");
            }
            if (verified.sid() != null) {
                revocations.revokeProviderSession(providerId, verified.sid());
            } else {
                revocations.revokeProviderSubject(providerId, verified.sub());
            }
            LOG.log(LogMessage.BACKCHANNEL_LOGOUT_DONE, providerId, verified.sid() != null ? "provider session (sid)" : "subject (sub)");
            return Reply.status(200).header("Cache-Control", "no-store");
        } catch (AuthException e) {
            return refused(providerId, e.getMessage());
        } catch (RuntimeException e) {
            // e.g. the revocation store failed: nothing was revoked, the provider may try again
            return refused(providerId, LuminaLog.describe(e));
        }
    }

    private static Reply refused(String providerId, String why) {
        LOG.log(LogMessage.BACKCHANNEL_LOGOUT_REFUSED, providerId, why);
        return Reply.json(400, Map.of("error", "invalid_request")).header("Cache-Control", "no-store");
    }

    /** The one {@code logout_token} of a form body; {@code null} when missing, repeated, or not a form. */
    static String logoutToken(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (!type.equals(FORM) && !type.startsWith(FORM + ";") || body == null || body.length > MAX_BODY_BYTES) {
            return null;
        }
        String found = null;
        for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!name.equals("logout_token")) {
                continue;
            }
            if (found != null || eq < 0) {
                return null;
            }
            try {
                found = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return found == null || found.isEmpty() ? null : found;
    }
}
