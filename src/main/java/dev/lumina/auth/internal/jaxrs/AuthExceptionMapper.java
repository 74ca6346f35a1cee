package dev.lumina.auth.internal.jaxrs;

import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An {@link AuthException} that reaches JAX-RS becomes {@code {"error":"<code>"}}: no message, no trace. */
@Provider
public class AuthExceptionMapper implements ExceptionMapper<AuthException> {
    private static final LuminaLog LOG = LuminaLog.of(AuthExceptionMapper.class);

    @Override
    public Response toResponse(AuthException e) {
        LOG.log(LogMessage.ANSWERED_ERROR, e.error().code(), e.getMessage());
        return JsonBodies.error(e.error());
    }
}
