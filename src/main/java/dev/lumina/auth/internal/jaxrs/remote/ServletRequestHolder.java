package dev.lumina.auth.internal.jaxrs.remote;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;

/** Receives the servlet request by JAX-RS injection; loaded only where the servlet API exists. */
final class ServletRequestHolder {
    @Context
    HttpServletRequest request;

    String remoteAddress() {
        return request == null ? null : request.getRemoteAddr();
    }
}
