package dev.lumina.auth.internal.flow;

import dev.lumina.auth.config.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;

/** Finds the {@link ProviderFlow} of a provider type among the flow beans. */
@ApplicationScoped
public class ProviderFlows {
    @Inject
    @Any
    Instance<ProviderFlow> flows;

    public Optional<ProviderFlow> forType(ProviderType type) {
        return flows.stream().filter(f -> f.serves().contains(type)).findFirst();
    }
}
