package dev.lumina.auth.faults;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.Session;
import dev.lumina.auth.spi.SessionCodec;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** An application's replacement codec with a bug: encoding throws what no contract allows. */
@Alternative
@Priority(1)
@ApplicationScoped
public class ThrowingCodec implements SessionCodec {
    @Override
    public String encode(Session session) {
        throw new IllegalStateException("vault unreachable");
    }

    @Override
    public Session decode(String token) {
        throw new AuthException(AuthError.SESSION_INVALID, "never issued");
    }
}
