package dev.lumina.auth.internal.jaxrs.current;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.InjectionManagerProvider;
import org.glassfish.jersey.internal.inject.InjectionManager;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Jersey (the embedded runtime): the request of Jersey's request scope, which Jersey itself keeps for the
 * thread serving it. Registered with the application by the embedded launcher, which alone knows that the
 * runtime is Jersey.
 */
public final class JerseyRequests implements Feature, RequestProperties {
    private volatile InjectionManager injections;

    @Override
    public boolean configure(FeatureContext context) {
        injections = InjectionManagerProvider.getInjectionManager(context);
        return true;
    }

    @Override
    public Object get(String name) {
        InjectionManager known = injections;
        if (known == null) {
            return null;
        }
        try {
            ContainerRequest request = known.getInstance(ContainerRequest.class);
            return request == null ? null : request.getProperty(name);
        } catch (RuntimeException e) {
            return null; // not inside a request of Jersey's (a CDI request context of other work)
        }
    }
}
