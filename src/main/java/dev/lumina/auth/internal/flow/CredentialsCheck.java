package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.CredentialsSubmitted;
import dev.lumina.auth.Profile;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials kind's own step, in place of steps (2)-(7) of an OAuth sign-in: the application checks
 * the submitted fields through {@link CredentialsSubmitted} and answers with a {@link Profile}; from there
 * the sign-in goes on as every other, at step (8) ({@link SignInCompletion}).
 *
 * <pre>
 *  (C1) fields (single, bounded, only the provider's own) + client address -> fire CredentialsSubmitted
 *  (C2) accepted  -> the Profile, on to step (8)
 *       refused, or nobody accepted (no observer) -> credentials_invalid, one answer for every refusal
 *       observer threw -> server_error
 * </pre>
 */
@ApplicationScoped
public class CredentialsCheck {
    private static final LuminaLog LOG = LuminaLog.of(CredentialsCheck.class);

    @Inject
    Event<CredentialsSubmitted> submitted;
    @Inject
    BeanManager beans;

    private volatile Boolean observed;

    /**
     * (C1)-(C2): the profile the application accepted for these fields.
     *
     * @throws AuthException {@code credentials_invalid} when refused (or when no observer exists),
     *                       {@code server_error} when an observer threw
     */
    public Profile check(ProviderConfig provider, Map<String, String> fields, String clientAddress) {
        if (!hasObserver()) {
            LOG.log(LogMessage.CREDENTIALS_WITHOUT_OBSERVER, provider.id());
            throw new AuthException(AuthError.CREDENTIALS_INVALID, "no CredentialsSubmitted observer");
        }
        CredentialsSubmitted event = new CredentialsSubmitted(provider.id(), fields, clientAddress);
        try {
            submitted.fire(event);
        } catch (RuntimeException e) {
            LOG.observerFailed(LogMessage.CREDENTIALS_OBSERVER_FAILED, e, provider.id());
            throw new AuthException(AuthError.SERVER_ERROR, "CredentialsSubmitted observer failed", e);
        }
        Optional<Profile> profile = event.profile();
        if (profile.isEmpty()) {
            LOG.log(LogMessage.CREDENTIALS_REFUSED, loginName(provider, fields), clientAddress, provider.id());
            throw new AuthException(AuthError.CREDENTIALS_INVALID, "credentials refused by the application");
        }
        return profile.get();
    }

    /**
     * The login a person typed: the provider's first field whose name does not look like a password. For
     * throttling and logs; never a password.
     */
    public static String loginName(ProviderConfig provider, Map<String, String> fields) {
        for (String f : provider.fields()) {
            if (!isSecretField(f)) {
                return fields.get(f);
            }
        }
        return null;
    }

    /** A field whose value is never shown: its name contains {@code password}, {@code secret} or {@code pin}. */
    public static boolean isSecretField(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("password") || n.contains("secret") || n.contains("passcode") || n.equals("pin")
                || n.contains("otp");
    }

    /** {@code true} when a synchronous {@link CredentialsSubmitted} observer exists. */
    public boolean hasObserver() {
        Boolean known = observed;
        if (known == null) {
            known = hasSynchronousObserver(beans);
            observed = known;
        }
        return known;
    }

    /** Also used by the extension for its deployment warning. */
    public static boolean hasSynchronousObserver(BeanManager beans) {
        return Observers.hasSynchronous(beans, new CredentialsSubmitted("probe", Map.of(), null));
    }
}
