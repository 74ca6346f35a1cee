package dev.lumina.auth.scope;

import dev.lumina.auth.Current;
import dev.lumina.auth.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** A JAX-RS provider (one instance for the application) that reads the session of each response's request. */
@Provider
@ApplicationScoped
public class SubjectHeaderFilter implements ContainerResponseFilter {
    @Inject
    @Current
    Session session;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().add("X-Subject", session.isAuthenticated() ? session.subject() : "anonymous");
    }
}
