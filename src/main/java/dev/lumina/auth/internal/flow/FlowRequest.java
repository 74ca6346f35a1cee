package dev.lumina.auth.internal.flow;

import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.internal.web.AuthRequest;

/**
 * One request to {@code <base>/signin/{id}} or {@code <base>/callback/{id}}, as the HTTP adapter hands it to
 * the {@link ProviderFlow} of the provider's kind.
 *
 * @param provider the configured provider named in the path (an unknown id never gets this far)
 * @param request  the request itself
 */
public record FlowRequest(ProviderConfig provider, AuthRequest request) {

    public String providerId() {
        return provider.id();
    }
}
