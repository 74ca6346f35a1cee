package dev.lumina.auth.internal.jaxrs.remote;

import jakarta.ws.rs.container.ResourceContext;
import java.util.Optional;

/** The embedded runtime (Jersey on Grizzly): Grizzly's {@code Request.getRemoteAddr()}. */
final class GrizzlySource implements RemoteAddress.Source {
    private static final boolean AVAILABLE = RemoteAddress.loadable("org.glassfish.grizzly.http.server.Request");

    @Override
    public boolean available() {
        return AVAILABLE;
    }

    @Override
    public Optional<String> of(ResourceContext context) {
        try {
            return Optional.ofNullable(context.initResource(new GrizzlyRequestHolder()).remoteAddress());
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // not Grizzly
        }
    }
}
