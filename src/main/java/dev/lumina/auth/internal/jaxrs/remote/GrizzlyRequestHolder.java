package dev.lumina.auth.internal.jaxrs.remote;

import jakarta.ws.rs.core.Context;
import org.glassfish.grizzly.http.server.Request;

/** Receives Grizzly's request by JAX-RS injection; loaded only where Grizzly exists. */
final class GrizzlyRequestHolder {
    @Context
    Request request;

    String remoteAddress() {
        return request == null ? null : request.getRemoteAddr();
    }
}
