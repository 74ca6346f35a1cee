package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.Profile;
import dev.lumina.auth.ProfileReceived;
import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ProviderType;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.internal.session.SessionIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Step (8) of the flow, shared by every provider kind: the application decides, through
 * {@link ProfileReceived}, what session a profile gets; the result is stamped as a fresh session (new id,
 * new times) so nothing of a cookie the browser had before survives (no session fixation).
 */
@ApplicationScoped
public class SignInCompletion {
    private static final LuminaLog LOG = LuminaLog.of(SignInCompletion.class);

    @Inject
    Event<ProfileReceived> profileReceived;
    @Inject
    SessionIssuer issuer;
    @Inject
    AuthConfig config;

    /**
     * The session to issue for the profile.
     *
     * @throws AuthException {@code access_denied} (with the application's reason) when an observer
     *                       refused, {@code server_error} when an observer threw
     */
    public Session sessionFor(Profile profile) {
        ProfileReceived event = new ProfileReceived(profile);
        try {
            profileReceived.fire(event);
        } catch (RuntimeException e) {
            LOG.observerFailed(LogMessage.PROFILE_OBSERVER_FAILED, e, profile.provider());
            throw new AuthException(AuthError.SERVER_ERROR, "ProfileReceived observer failed", e);
        }
        if (event.isRejected()) {
            throw AuthException.denied(event.rejection());
        }
        Session chosen = event.session().orElseGet(() -> defaultSession(profile));
        if (!chosen.isAuthenticated()) {
            throw new AuthException(AuthError.SERVER_ERROR, "ProfileReceived observer set a session without subject");
        }
        Session.Builder b = chosen.toBuilder().claims(event.claims());
        if (chosen.provider() == null) {
            b.provider(profile.provider());
        }
        if (backChannelLogout(profile.provider())) {
            // what the provider's back-channel logout names: its subject and, from its ID token, its session id
            Object sid = profile.claims().get("sid");
            b.providerSubject(profile.subject()).providerSessionId(sid instanceof String s && !s.isEmpty() ? s : null);
        }
        return issuer.issue(b.build());
    }

    /** Only OpenID Connect providers send logout tokens: other sessions do not carry the bytes. */
    private boolean backChannelLogout(String provider) {
        return config.provider(provider).map(p -> p.type() == ProviderType.OIDC || p.type() == ProviderType.GOOGLE).orElse(false);
    }

    /** The session made when no observer sets one: provider-scoped subject and the profile's fields. */
    static Session defaultSession(Profile p) {
        return Session.builder()
                .subject(p.provider() + ":" + p.subject())
                .provider(p.provider())
                .email(p.email())
                .name(p.name())
                .picture(p.picture())
                .build();
    }
}
