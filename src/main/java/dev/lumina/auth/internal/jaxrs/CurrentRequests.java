package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.internal.jaxrs.current.RequestProperties;
import dev.lumina.auth.internal.jaxrs.current.RuntimeRequests;
import dev.lumina.auth.internal.session.SignedInRequest;
import dev.lumina.auth.internal.session.SignedInRequests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Reads what the {@link SessionFilter} left on the request being served, through this runtime's piece. */
@Singleton
public class CurrentRequests implements SignedInRequests {
    @Inject
    BeanManager beans;

    private RequestProperties servlet;
    private volatile RequestProperties jersey;

    @PostConstruct
    void init() {
        servlet = RuntimeRequests.servlet(beans).orElse(null);
    }

    /** The embedded runtime is Jersey: its piece, which the launcher registers with the application. */
    public void useJersey(RequestProperties jersey) {
        this.jersey = jersey;
    }

    private RequestProperties properties() {
        RequestProperties known = jersey;
        return known != null ? known : servlet;
    }

    @Override
    public SignedInRequest current() {
        RequestProperties properties = properties();
        return properties == null ? null : SessionFilter.signedIn(properties.get(SessionFilter.SEEN));
    }

    @Override
    public boolean canTell() {
        return properties() != null;
    }
}
