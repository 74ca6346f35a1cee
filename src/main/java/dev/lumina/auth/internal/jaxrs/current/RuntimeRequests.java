package dev.lumina.auth.internal.jaxrs.current;

import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Optional;

/** Finds this runtime's piece at startup. */
public final class RuntimeRequests {
    private RuntimeRequests() {
    }

    /** The servlet runtime's piece, when the servlet API and CDI's servlet request bean exist here. */
    public static Optional<RequestProperties> servlet(BeanManager beans) {
        try {
            Class.forName("jakarta.servlet.http.HttpServletRequest", false, RuntimeRequests.class.getClassLoader());
            return ServletRequests.of(beans);
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }
}
