package dev.lumina.auth.internal.flow;

import dev.lumina.auth.config.ProviderType;
import dev.lumina.auth.internal.web.Reply;
import java.util.Set;

/**
 * How one kind of provider signs people in: the single dispatch point of the sign-in and callback
 * endpoints, which pick the flow whose {@link #serves()} contains the configured provider's type.
 * Implementations are CDI beans: {@link OAuthFlow} (OIDC, Google, GitHub) and {@link CredentialsFlow}.
 * <p>
 * Both methods answer every outcome themselves through {@link SignInReplies} (success: step (9); failure:
 * {@code AuthFailed} once, flow cookie cleared, redirect to the error URL). They never throw.
 */
public interface ProviderFlow {

    /** The provider types this flow handles; no two flows share one. */
    Set<ProviderType> serves();

    /**
     * {@code POST <base>/signin/{id}}: the CSRF token and both target URLs have been checked (1).
     *
     * @param targets the validated callback and error URLs (defaults filled in)
     */
    Reply signIn(FlowRequest request, Targets targets);

    /** {@code GET} or {@code POST <base>/callback/{id}}: steps (4)-(9); no CSRF check has been made. */
    Reply callback(FlowRequest request);
}
