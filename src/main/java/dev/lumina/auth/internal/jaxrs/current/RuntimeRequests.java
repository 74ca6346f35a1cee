package dev.lumina.auth.internal.jaxrs.current;

import dev.lumina.auth.internal.jaxrs.remote.RemoteAddress;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Optional;

/** Finds this runtime's piece at startup. */
public final class RuntimeRequests {
    private RuntimeRequests() {
    }

    /** The servlet runtime's piece, when the servlet API and CDI's servlet request bean exist here. */
    public static Optional<RequestProperties> servlet(BeanManager beans) {
        if (!RemoteAddress.loadable("jakarta.servlet.http.HttpServletRequest")) {
            return Optional.empty();
        }
        try {
            return ServletRequests.of(beans);
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }
}
