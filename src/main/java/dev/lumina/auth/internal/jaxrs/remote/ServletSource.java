package dev.lumina.auth.internal.jaxrs.remote;

import jakarta.ws.rs.container.ResourceContext;
import java.util.Optional;

/** Servlet runtimes (WildFly's RESTEasy, Payara's Jersey): {@code HttpServletRequest.getRemoteAddr()}. */
final class ServletSource implements RemoteAddress.Source {
    private static final boolean AVAILABLE = RemoteAddress.loadable("jakarta.servlet.http.HttpServletRequest");

    @Override
    public boolean available() {
        return AVAILABLE;
    }

    @Override
    public Optional<String> of(ResourceContext context) {
        try {
            return Optional.ofNullable(context.initResource(new ServletRequestHolder()).remoteAddress());
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // not a servlet runtime
        }
    }
}
