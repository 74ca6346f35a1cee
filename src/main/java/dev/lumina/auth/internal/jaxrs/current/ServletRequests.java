package dev.lumina.auth.internal.jaxrs.current;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;

/**
 * Servlet runtimes (WildFly's RESTEasy, Payara's Jersey): CDI's built-in {@code HttpServletRequest}, a proxy to
 * the request being served. JAX-RS request properties are that request's attributes there (JAX-RS, section on
 * the {@code ContainerRequestContext} properties). Loaded only where the servlet API exists.
 */
final class ServletRequests implements RequestProperties {
    private final HttpServletRequest request;

    private ServletRequests(HttpServletRequest request) {
        this.request = request;
    }

    /** Empty when the CDI container has no built-in servlet request bean (not a servlet runtime). */
    static Optional<RequestProperties> of(BeanManager beans) {
        Set<Bean<?>> found = beans.getBeans(HttpServletRequest.class);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Bean<?> bean = beans.resolve(found);
        Object proxy = beans.getReference(bean, HttpServletRequest.class, beans.createCreationalContext(bean));
        return Optional.of(new ServletRequests((HttpServletRequest) proxy));
    }

    @Override
    public Object get(String name) {
        try {
            return request.getAttribute(name);
        } catch (ContextNotActiveException | IllegalStateException e) {
            return null; // no servlet request on this thread
        }
    }
}
