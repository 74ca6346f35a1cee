package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.SignedOut;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Fires {@link AuthFailed} (and {@link SignedOut} for a revoked session). An observer that throws is logged and ignored: observers of a failure cannot
 * change its outcome, and must not turn it into a 500.
 */
@ApplicationScoped
public class AuthEvents {
    private static final LuminaLog LOG = LuminaLog.of(AuthEvents.class);

    @Inject
    Event<AuthFailed> failed;
    @Inject
    Event<SignedOut> signedOut;

    public void failed(AuthError error, String provider, String reason, String clientAddress, Throwable cause) {
        failed(new AuthFailed(error, provider, reason, clientAddress, cause));
    }

    /** Fires {@link SignedOut}; an observer that throws is logged, the session ends anyway. */
    public void signedOut(SignedOut event) {
        try {
            signedOut.fire(event);
        } catch (RuntimeException e) {
            LOG.observerFailed(LogMessage.SIGNED_OUT_OBSERVER_FAILED, e);
        }
    }

    public void failed(AuthFailed event) {
        try {
            failed.fire(event);
        } catch (RuntimeException e) {
            LOG.observerFailed(LogMessage.AUTH_FAILED_OBSERVER_FAILED, e);
        }
    }
}
