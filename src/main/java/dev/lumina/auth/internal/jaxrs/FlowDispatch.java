package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.internal.flow.AuthEvents;
import dev.lumina.auth.internal.flow.FlowRequest;
import dev.lumina.auth.internal.flow.ProviderFlow;
import dev.lumina.auth.internal.flow.ProviderFlows;
import dev.lumina.auth.internal.web.AuthRequest;
import dev.lumina.auth.internal.web.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/** Finds the provider named in a path and the flow of its kind; answers for an unknown one. */
@ApplicationScoped
public class FlowDispatch {
    @Inject
    AuthConfig config;
    @Inject
    ProviderFlows flows;
    @Inject
    AuthEvents events;

    /** A configured provider and its flow. */
    public record Found(ProviderConfig provider, ProviderFlow flow) {
    }

    public Optional<Found> find(String id) {
        return config.provider(id).flatMap(p -> flows.forType(p.type()).map(f -> new Found(p, f)));
    }

    /** 404 {@code unknown_provider}, once in {@code AuthFailed}; the id is never echoed. */
    public Reply unknownProvider(AuthRequest request) {
        events.failed(AuthError.UNKNOWN_PROVIDER, null, "no provider with the requested id", request.clientAddress(), null);
        return error(AuthError.UNKNOWN_PROVIDER);
    }

    /** A sign-in refused at step (1) (CSRF, target URLs): the JSON error, once in {@code AuthFailed}. */
    public Reply refused(FlowRequest flow, AuthException e) {
        events.failed(e.error(), flow.providerId(), e.getMessage(), flow.request().clientAddress(), null);
        return error(e.error());
    }

    private static Reply error(AuthError error) {
        return Reply.json(error.httpStatus(), Map.of("error", error.code()));
    }
}
