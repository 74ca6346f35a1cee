package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.config.ProviderType;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * How one kind of provider signs people in: the single dispatch point of {@link SignInResource} and
 * {@link CallbackResource}, which pick the flow whose {@link #serves()} contains the configured provider's
 * type. Implementations are CDI beans listed in {@code LuminaClasses.BEANS}: {@link OAuthFlow} (OIDC,
 * Google, GitHub) and the credentials flow.
 * <p>
 * Both methods answer every outcome themselves through {@link SignInResponses} (success: step (9);
 * failure: {@code AuthFailed} once, flow cookie cleared, redirect to the error URL).
 */
public interface ProviderFlow {

    /** The provider types this flow handles; no two flows share one. */
    Set<ProviderType> serves();

    /**
     * {@code POST /auth/signin/{id}}: the CSRF token and both target URLs have been checked (1).
     *
     * @param targets the validated callback and error URLs (defaults filled in)
     */
    Response signIn(FlowRequest request, SignInResponses.Targets targets);

    /** {@code GET} or {@code POST /auth/callback/{id}}: steps (4)-(9); no CSRF check has been made. */
    Response callback(FlowRequest request);
}
